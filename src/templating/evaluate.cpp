// Expressions: names, attribute and item lookup, operators, calls, filters and tests.
#include <cmath>

#include "templating/html.hpp"
#include "templating/methods.hpp"
#include "templating/ops.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"
#include "templating/renderer.hpp"

namespace gazette::templating {

Value* Renderer::slot(const NameRef& ref, Exec& ex) {
  Frame* f = ex.frame;
  for (uint16_t i = 0; i < ref.up && f->parent; ++i) f = f->parent;
  return &f->slots[ref.slot];
}

const Value* Renderer::lookup_name(const NameExpr* n, Exec& ex) {
  if (n->ref.where == NameRef::Where::kSlot) return slot(n->ref, ex);
  if (const Value* v = ex.ctx->lookup(n->name, n->hash)) return v;
  return env_.global(n->name);
}

// Evaluates `e`, returning a pointer to its value: a slot, a context variable, an item of a
// dict or list that outlives the expression, or `tmp`. Null after an error.
const Value* Renderer::eval_ref(const Expr* e, Exec& ex, Value& tmp) {
  switch (e->kind) {
    case ExprKind::kConst:
      return &static_cast<const ConstExpr*>(e)->value;
    case ExprKind::kName: {
      auto* n = static_cast<const NameExpr*>(e);
      if (const Value* v = lookup_name(n, ex)) return v;
      tmp = Value::undefined_name(n->name);
      return &tmp;
    }
    case ExprKind::kGetattr: {
      auto* g = static_cast<const GetattrExpr*>(e);
      // The common `item.title`: a local variable's dict key, looked up directly.
      if (g->object->kind == ExprKind::kName && g->probe && !g->dict_method) {
        auto* n = static_cast<const NameExpr*>(g->object);
        if (n->ref.where == NameRef::Where::kSlot) {
          const Value* obj = slot(n->ref, ex);
          if (obj->is_dict()) {
            if (const Value* v = obj->find(*g->probe)) return v;
          }
        }
      }
      if (g->loop_number >= 0) {
        if (const Value* v = loop_number(g, ex, tmp)) return v;
      }
      Value inner;
      const Value* obj = eval_ref(g->object, ex, inner);
      if (!obj) return nullptr;
      if (obj->is_dict() && obj != &inner && !g->dict_method) {
        if (const Value* v = g->probe ? obj->find(*g->probe) : obj->find(g->name, g->hash))
          return v;
      }
      if (obj->is_object() && obj != &inner) {
        if (const Value* v = obj->as_object()->stored_attr(g->name)) return v;
      }
      if (obj->is_undefined()) {
        fail_undefined(ex, g, *obj);
        return nullptr;
      }
      auto r = get_attribute(*obj, g->name);
      if (!r) {
        fail(ex, g, r.error());
        return nullptr;
      }
      tmp = std::move(*r);
      return &tmp;
    }
    case ExprKind::kGetitem: {
      auto* g = static_cast<const GetitemExpr*>(e);
      Value inner, key_tmp;
      const Value* obj = eval_ref(g->object, ex, inner);
      if (!obj) return nullptr;
      const Value* key = eval_ref(g->key, ex, key_tmp);
      if (!key) return nullptr;
      if (obj->is_undefined()) {
        fail_undefined(ex, g, *obj);
        return nullptr;
      }
      if (key->is_undefined() && strict_undefined()) {
        fail_undefined(ex, g->key, *key);
        return nullptr;
      }
      if (obj != &inner) {
        if (obj->is_dict()) {
          if (const Value* v = obj->find_key(*key)) return v;
        } else if (obj->is_list() && key->is_int() &&
                   (obj->list_kind() == ListKind::kList || is_tuple_kind(obj->list_kind()))) {
          int64_t i = key->as_int();
          int64_t n = static_cast<int64_t>(obj->items().size());
          if (i < 0) i += n;
          if (i >= 0 && i < n) return &obj->items()[static_cast<size_t>(i)];
        }
      }
      auto r = get_item(*obj, *key);
      if (!r) {
        fail(ex, g, r.error());
        return nullptr;
      }
      tmp = std::move(*r);
      return &tmp;
    }
    default:
      if (!eval(e, ex, tmp)) return nullptr;
      return &tmp;
  }
}

const Value* Renderer::loop_number(const GetattrExpr* g, Exec& ex, Value& tmp) {
  const Value* obj = lookup_name(static_cast<const NameExpr*>(g->object), ex);
  const LoopObject* loop = obj ? obj->object_as<LoopObject>() : nullptr;
  if (!loop) return nullptr;  // `loop` is something else here: the general lookup
  tmp = loop->number(static_cast<LoopNumber>(g->loop_number));
  return &tmp;
}

bool Renderer::eval(const Expr* e, Exec& ex, Value& out) {
  switch (e->kind) {
    case ExprKind::kConst:
      out = static_cast<const ConstExpr*>(e)->value;
      return true;
    case ExprKind::kName:
    case ExprKind::kGetattr:
    case ExprKind::kGetitem: {
      Value tmp;
      const Value* v = eval_ref(e, ex, tmp);
      if (!v) return false;
      if (v == &tmp) {
        out = std::move(tmp);
      } else {
        out = *v;
      }
      return true;
    }
    case ExprKind::kSlice: {
      auto* s = static_cast<const SliceExpr*>(e);
      Value obj_tmp, a, b, c;
      const Value* obj = eval_ref(s->object, ex, obj_tmp);
      if (!obj) return false;
      const Value* start = s->start ? eval_ref(s->start, ex, a) : nullptr;
      if (s->start && !start) return false;
      const Value* stop = s->stop ? eval_ref(s->stop, ex, b) : nullptr;
      if (s->stop && !stop) return false;
      const Value* step = s->step ? eval_ref(s->step, ex, c) : nullptr;
      if (s->step && !step) return false;
      if (obj->is_undefined()) return fail_undefined(ex, s, *obj);
      if (obj->is_string() && !step && (!start || start->is_int()) && (!stop || stop->is_int())) {
        // The common `text[:n]`: the string's own bytes, shared.
        size_t from, to;
        pystr::slice_bytes(obj->as_string(),
                           start ? std::optional<int64_t>(start->as_int()) : std::nullopt,
                           stop ? std::optional<int64_t>(stop->as_int()) : std::nullopt, from, to);
        out = Value::substring(*obj, from, to);
        return true;
      }
      auto r = get_slice(*obj, start, stop, step);
      if (!r) return fail(ex, s, r.error());
      out = std::move(*r);
      return true;
    }
    case ExprKind::kCall:
      return eval_call(static_cast<const CallExpr*>(e), ex, out, nullptr);
    case ExprKind::kFilter:
      return eval_filter(static_cast<const FilterExpr*>(e), ex, out);
    case ExprKind::kTest:
      return eval_test(static_cast<const TestExpr*>(e), ex, out);
    case ExprKind::kNeg:
    case ExprKind::kPos: {
      auto* u = static_cast<const UnaryExpr*>(e);
      Value tmp;
      const Value* v = eval_ref(u->operand, ex, tmp);
      if (!v) return false;
      auto r = e->kind == ExprKind::kNeg ? negate(*v) : unary_plus(*v);
      if (!r) return fail(ex, e, r.error());
      out = std::move(*r);
      return true;
    }
    case ExprKind::kNot: {
      auto* u = static_cast<const UnaryExpr*>(e);
      Value tmp;
      const Value* v = eval_ref(u->operand, ex, tmp);
      if (!v) return false;
      bool b = false;
      if (!truth(*v, ex, u->operand, b)) return false;
      out = Value(!b);
      return true;
    }
    case ExprKind::kBinary: {
      auto* b = static_cast<const BinaryExpr*>(e);
      Value lt, rt;
      const Value* l = eval_ref(b->left, ex, lt);
      if (!l) return false;
      const Value* r = eval_ref(b->right, ex, rt);
      if (!r) return false;
      auto result = binary_op(b->op, *l, *r, env_.options().max_items);
      if (!result) return fail(ex, e, result.error());
      out = std::move(*result);
      return true;
    }
    case ExprKind::kAnd:
    case ExprKind::kOr: {
      auto* b = static_cast<const BinaryExpr*>(e);
      Value lt;
      const Value* l = eval_ref(b->left, ex, lt);
      if (!l) return false;
      bool yes = false;
      if (!truth(*l, ex, b->left, yes)) return false;
      if ((e->kind == ExprKind::kAnd) != yes) {
        out = l == &lt ? std::move(lt) : *l;
        return true;
      }
      return eval(b->right, ex, out);
    }
    case ExprKind::kConcat:
      return eval_concat(static_cast<const ConcatExpr*>(e), ex, out);
    case ExprKind::kCompare:
      return eval_compare(static_cast<const CompareExpr*>(e), ex, out);
    case ExprKind::kCondExpr: {
      auto* c = static_cast<const CondExpr*>(e);
      Value tt;
      const Value* t = eval_ref(c->test, ex, tt);
      if (!t) return false;
      bool yes = false;
      if (!truth(*t, ex, c->test, yes)) return false;
      if (yes) return eval(c->then, ex, out);
      if (c->otherwise) return eval(c->otherwise, ex, out);
      Error where = ex.tmpl->error_at(c->offset, "");
      out = Value::undefined_message("the inline if-expression on line " +
                                     std::to_string(where.line) + " in '" + ex.tmpl->name() +
                                     "' evaluated to false and no else section was defined.");
      return true;
    }
    case ExprKind::kList:
    case ExprKind::kTuple: {
      auto* l = static_cast<const ListExpr*>(e);
      std::vector<Value> items;
      items.reserve(l->items.size());
      for (const Expr* item : l->items) {
        Value v;
        if (!eval(item, ex, v)) return false;
        items.push_back(std::move(v));
      }
      out = Value::list(std::move(items),
                        e->kind == ExprKind::kTuple ? ListKind::kTuple : ListKind::kList);
      return true;
    }
    case ExprKind::kDict: {
      auto* d = static_cast<const DictExpr*>(e);
      DictBuilder builder(d->items.size());
      for (const auto& [k, v] : d->items) {
        Value key, value;
        if (!eval(k, ex, key) || !eval(v, ex, value)) return false;
        if (key.is_dict() || (key.is_list() && !is_tuple_kind(key.list_kind()))) {
          return fail(ex, k, "unhashable type: '" + std::string(key.type_name()) + "'");
        }
        if (key.is_undefined() && strict_undefined()) return fail_undefined(ex, k, key);
        builder.set(std::move(key), std::move(value));
      }
      out = builder.build();
      return true;
    }
  }
  return true;
}

bool Renderer::eval_concat(const ConcatExpr* c, Exec& ex, Value& out) {
  bool any_markup = false;
  SmallVector<Value, 6> held;  // temporaries of the parts (reserved: pointers stay valid)
  held.reserve(c->items.size());
  SmallVector<const Value*, 6> parts;
  for (const Expr* item : c->items) {
    held.push_back(Value());
    const Value* v = eval_ref(item, ex, held.back());
    if (!v) return false;
    if (v->is_undefined() && strict_undefined()) return fail_undefined(ex, item, *v);
    if (v->is_safe() || (v->is_object() && v->as_object()->is_safe())) any_markup = true;
    parts.push_back(v);
  }
  // Markup joins escape the plain parts (unless Jinja2 would have folded the constants).
  bool markup = ex.autoescape && any_markup && !c->constant;
  StringBuilder text;
  std::string scratch;
  for (const Value* part : parts.span()) {
    const Value& v = *part;
    scratch.clear();
    std::string_view piece;
    bool safe = v.is_safe();
    if (v.is_string()) {
      piece = v.as_string();
    } else if (v.is_object() && v.as_object()->is_safe()) {
      v.as_object()->str(scratch);
      piece = scratch;
      safe = true;
    } else {
      python_str(v, scratch);
      piece = scratch;
    }
    if (markup && !safe) {
      std::string escaped;
      escape_html(piece, escaped);
      text.append(escaped);
    } else {
      text.append(piece);
    }
  }
  out = text.build(markup);
  return true;
}

bool Renderer::eval_compare(const CompareExpr* c, Exec& ex, Value& out) {
  Value left_tmp;
  const Value* left = eval_ref(c->first, ex, left_tmp);
  if (!left) return false;
  Value held = *left;
  for (const auto& [op, expr] : c->rest) {
    Value right;
    if (!eval(expr, ex, right)) return false;
    bool result = false;
    bool strict = strict_undefined();
    switch (op) {
      case CompareOp::kEq:
      case CompareOp::kNe:
        if (strict && (held.is_undefined() || right.is_undefined()))
          return fail_undefined(ex, c, held.is_undefined() ? held : right);
        result = python_equal(held, right) == (op == CompareOp::kEq);
        break;
      case CompareOp::kIn:
      case CompareOp::kNotIn: {
        if (strict && right.is_undefined()) return fail_undefined(ex, c, right);
        auto r = contains(right, held);
        if (!r) return fail(ex, c, r.error());
        result = *r == (op == CompareOp::kIn);
        break;
      }
      default: {
        std::string_view sym = op == CompareOp::kLt     ? "<"
                               : op == CompareOp::kLtEq ? "<="
                               : op == CompareOp::kGt   ? ">"
                                                        : ">=";
        auto r = python_compare(held, right, sym);
        if (!r) return fail(ex, c, r.error());
        std::partial_ordering o = *r;
        result = op == CompareOp::kLt     ? o < 0
                 : op == CompareOp::kLtEq ? o <= 0
                 : op == CompareOp::kGt   ? o > 0
                                          : o >= 0;
        break;
      }
    }
    if (!result) {
      out = Value(false);
      return true;
    }
    held = std::move(right);
  }
  out = Value(true);
  return true;
}

bool Renderer::eval_args(const CallArgs& args, Exec& ex, PositionalArgs& positional,
                         KeywordArgs& keywords, const Node* at) {
  // Arguments that live in a variable or container alias it (no counting); the callee
  // copies what it keeps.
  for (const Expr* e : args.positional) {
    positional.push_back(Value());
    Value& slot = positional.back();
    const Value* v = eval_ref(e, ex, slot);
    if (!v) return false;
    if (v != &slot) slot.set_alias(*v);
  }
  for (const auto& [name, e] : args.keywords) {
    for (const Kwarg& k : keywords.span()) {
      if (k.name == name) return fail(ex, at, "keyword argument repeated: " + std::string(name));
    }
    keywords.push_back(Kwarg{name, Value()});
    Value& slot = keywords.back().value;
    const Value* v = eval_ref(e, ex, slot);
    if (!v) return false;
    if (v != &slot) slot.set_alias(*v);
  }
  if (args.star_args) {
    Value v;
    if (!eval(args.star_args, ex, v)) return false;
    if (v.is_undefined() && strict_undefined()) return fail_undefined(ex, args.star_args, v);
    auto items = iterate(v);
    if (!items)
      return fail(ex, args.star_args,
                  "argument after * must be an iterable, not " + std::string(v.type_name()));
    for (const Value& item : *items) positional.push_back(item);
  }
  if (args.star_kwargs) {
    Value v;
    if (!eval(args.star_kwargs, ex, v)) return false;
    if (!v.is_dict()) {
      if (v.is_undefined() && !strict_undefined()) return true;
      return fail(ex, args.star_kwargs,
                  "argument after ** must be a mapping, not " + std::string(v.type_name()));
    }
    star_kwargs_keep_.push_back(v);
    for (const auto& [k, value] : star_kwargs_keep_.back().entries()) {
      if (!k.is_string()) return fail(ex, args.star_kwargs, "keywords must be strings");
      for (const Kwarg& existing : keywords.span()) {
        if (existing.name == k.as_string())
          return fail(
              ex, args.star_kwargs,
              "got multiple values for keyword argument '" + std::string(k.as_string()) + "'");
      }
      keywords.push_back(Kwarg{k.as_string(), value});
    }
  }
  return true;
}

bool Renderer::eval_filter(const FilterExpr* f, Exec& ex, Value& out) {
  if (!f->filter) return fail(ex, f, "No filter named '" + std::string(f->name) + "'.");
  Value input_tmp;
  const Value* input;
  if (f->input) {
    input = eval_ref(f->input, ex, input_tmp);
    if (!input) return false;
  } else {
    input = filter_body_;
    if (!input) return fail(ex, f, "filter without input");
  }
  if (input->is_undefined() && strict_undefined() && !f->filter->accepts_undefined) {
    return fail_undefined(ex, f, *input);
  }
  if (f->args.constant) {
    return run_filter(f, ex, *input, Args{f->args.constant_positional, f->args.constant_keywords},
                      out);
  }
  PositionalArgs positional;
  KeywordArgs keywords;
  size_t keep = star_kwargs_keep_.size();
  if (!eval_args(f->args, ex, positional, keywords, f)) return false;
  bool ok = run_filter(f, ex, *input, Args{positional.span(), keywords.span()}, out);
  if (f->args.star_kwargs) star_kwargs_keep_.resize(keep);
  return ok;
}

bool Renderer::run_filter(const FilterExpr* f, Exec& ex, const Value& input, const Args& args,
                          Value& out) {
  const Exec* saved = current_;
  current_ = &ex;
  auto r =
      f->filter->plain ? f->filter->plain(*this, input, args) : f->filter->fn(*this, input, args);
  current_ = saved;
  if (!r) return fail(ex, f, r.error());
  out = std::move(*r);
  return true;
}

bool Renderer::eval_test(const TestExpr* t, Exec& ex, Value& out) {
  if (!t->test) return fail(ex, t, "No test named '" + std::string(t->name) + "'.");
  Value input_tmp;
  const Value* input = eval_ref(t->input, ex, input_tmp);
  if (!input) return false;
  if (input->is_undefined() && strict_undefined() && !t->test->accepts_undefined) {
    return fail_undefined(ex, t, *input);
  }
  PositionalArgs positional;
  KeywordArgs keywords;
  size_t keep = star_kwargs_keep_.size();
  if (!eval_args(t->args, ex, positional, keywords, t)) return false;
  const Exec* saved = current_;
  current_ = &ex;
  auto r = t->test->fn(*this, *input, Args{positional.span(), keywords.span()});
  current_ = saved;
  star_kwargs_keep_.resize(keep);
  if (!r) return fail(ex, t, r.error());
  out = Value(*r);
  return true;
}

bool Renderer::eval_call(const CallExpr* c, Exec& ex, Value& out, const Value* caller,
                         bool* streamed) {
  Value callee_tmp;
  const Value* callee = eval_ref(c->callee, ex, callee_tmp);
  if (!callee) return false;
  // A callee in a slot or the context stays put during the call (calls cannot reassign the
  // caller's variables); one computed into callee_tmp lives there.
  const Value& held = *callee;
  if (!caller && c->args.keywords.empty() && !c->args.star_args && !c->args.star_kwargs) {
    if (MacroObject* m = held.object_as<MacroObject>();
        m && m->def()->takes_by_position(c->args.positional.size())) {
      return call_macro_by_position(*m, c, ex, out, streamed);
    }
  }
  PositionalArgs positional;
  KeywordArgs keywords;
  size_t keep = star_kwargs_keep_.size();
  if (!eval_args(c->args, ex, positional, keywords, c)) return false;
  if (caller) keywords.push_back(Kwarg{"caller", *caller});
  if (held.is_undefined()) return fail_undefined(ex, c, held);
  if (!held.is_object() || !held.as_object()->is_callable()) {
    return fail(ex, c, "'" + std::string(held.type_name()) + "' object is not callable");
  }
  const Exec* saved = current_;
  current_ = &ex;
  bool stream = streamed && held.object_as<MacroObject>() != nullptr;
  if (stream) {
    macro_sink_ = out_;
    macro_streamed_ = false;
  }
  auto r = held.as_object()->call(*this, Args{positional.span(), keywords.span()});
  current_ = saved;
  star_kwargs_keep_.resize(keep);
  if (stream) {
    macro_sink_ = nullptr;
    *streamed = macro_streamed_;
    macro_streamed_ = false;
  }
  if (!r) return fail(ex, c, r.error());
  out = std::move(*r);
  return true;
}

}  // namespace gazette::templating
