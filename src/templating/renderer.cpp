// Statements: output, control flow, assignments, macros, blocks, template inheritance,
// includes and imports. Expressions are in evaluate.cpp.
#include "templating/renderer.hpp"

#include <algorithm>

#include "templating/html.hpp"
#include "templating/ops.hpp"
#include "templating/pyformat.hpp"

namespace gazette::templating {

// ---- resources ----

struct Renderer::Depth {
  explicit Depth(Renderer& r) : r_(r) { ok = ++r_.depth_ <= r_.env_.options().max_depth; }
  ~Depth() { --r_.depth_; }
  Renderer& r_;
  bool ok;
};

struct Renderer::FrameHandle {
  FrameHandle(Renderer& r, std::unique_ptr<Frame> f) : r_(r), frame_(std::move(f)) {}
  ~FrameHandle() { r_.release_frame(std::move(frame_)); }
  Frame* get() const { return frame_.get(); }
  Renderer& r_;
  std::unique_ptr<Frame> frame_;
};

namespace {
std::string too_deep(int limit) {
  return "recursion too deep: more than " + std::to_string(limit) +
         " nested macro calls, includes, imports, blocks or recursive loops";
}
}  // namespace

Renderer::Renderer(const Environment& env, RenderInfo* info) : env_(env), info_(info) {}

Renderer::~Renderer() {
  // Break reference cycles through mutable objects, then drop everything the render made.
  for (Value& v : adopted_) {
    if (v.is_object()) v.as_object()->clear();
  }
  adopted_.clear();
  modules_.clear();
  for (auto& f : kept_frames_) f->slots.clear();
  for (Context& c : contexts_) {
    c.vars.clear();
    c.locals.clear();
  }
}

std::unique_ptr<Frame> Renderer::new_frame(uint32_t size, Frame* parent) {
  std::unique_ptr<Frame> f;
  if (!free_frames_.empty()) {
    f = std::move(free_frames_.back());
    free_frames_.pop_back();
  } else {
    f = std::make_unique<Frame>();
  }
  f->slots.resize(size);
  f->parent = parent;
  f->captured = false;
  return f;
}

void Renderer::release_frame(std::unique_ptr<Frame> frame) {
  if (!frame) return;
  if (frame->captured) {
    kept_frames_.push_back(std::move(frame));
    return;
  }
  frame->slots.clear();
  if (free_frames_.size() < 64) free_frames_.push_back(std::move(frame));
}

void Renderer::adopt(const Value& object) {
  adopted_.push_back(object);
}

size_t Renderer::max_items() const {
  return env_.options().max_items;
}

bool Renderer::autoescape() const {
  return current_ && current_->autoescape;
}

bool Renderer::strict_undefined() const {
  return env_.options().strict_undefined;
}

bool Renderer::has_filter(std::string_view name) const {
  return env_.filter(name) != nullptr;
}

bool Renderer::has_test(std::string_view name) const {
  return env_.test(name) != nullptr;
}

Result<Value> Renderer::call(const Value& callable, const Args& args) {
  if (callable.is_undefined()) return undefined_error(callable);
  if (!callable.is_object() || !callable.as_object()->is_callable())
    return failure("'" + std::string(callable.type_name()) + "' object is not callable");
  return callable.as_object()->call(*this, args);
}

Result<Value> Renderer::call_filter(std::string_view name, const Value& input, const Args& args) {
  const FilterEntry* f = env_.filter(name);
  if (!f) return failure("No filter named '" + std::string(name) + "'.");
  if (input.is_undefined() && strict_undefined() && !f->accepts_undefined)
    return undefined_error(input);
  return f->fn(*this, input, args);
}

Result<bool> Renderer::call_test(std::string_view name, const Value& input, const Args& args) {
  const TestEntry* t = env_.test(name);
  if (!t) return failure("No test named '" + std::string(name) + "'.");
  if (input.is_undefined() && strict_undefined() && !t->accepts_undefined)
    return undefined_error(input);
  return t->fn(*this, input, args);
}

// ---- errors ----

bool Renderer::fail(const Exec& ex, const Node* at, std::string_view message) {
  if (!failed_) {
    failed_ = true;
    error_ =
        ex.tmpl ? ex.tmpl->error_at(at ? at->offset : 0, message) : failure(std::string(message));
  }
  return false;
}

bool Renderer::fail(const Exec& ex, const Node* at, const Error& error) {
  if (!failed_) {
    if (!error.path.empty() || error.line != 0) {
      failed_ = true;
      error_ = error;
      return false;
    }
    return fail(ex, at, error.message);
  }
  return false;
}

bool Renderer::fail_undefined(const Exec& ex, const Node* at, const Value& undefined) {
  return fail(ex, at, undefined.undefined_message());
}

// ---- rendering ----

void Renderer::record_use(const Template& tmpl) {
  if (!info_) return;
  if (std::find(info_->templates.begin(), info_->templates.end(), tmpl.name()) !=
      info_->templates.end())
    return;
  info_->templates.push_back(tmpl.name());
  if (!tmpl.file().empty()) info_->files.push_back(tmpl.file());
}

Context* Renderer::new_context(Context* parent, const Template& tmpl) {
  Context& c = contexts_.emplace_back();
  c.parent = parent;
  c.tmpl = &tmpl;
  BlockTable& table = block_tables_.emplace_back();
  for (const BlockStmt* b : tmpl.ast().blocks) table.add(b->name, BlockRef{b, &tmpl});
  c.blocks = &table;
  return &c;
}

Context* Renderer::derive(Context* ctx, const LocalNames& locals, const Exec& ex) {
  Context& c = contexts_.emplace_back();
  c.parent = ctx;
  c.tmpl = ctx->tmpl;
  c.blocks = ctx->blocks;
  for (const auto& [name, ref] : locals) {
    const Value& v = *slot(ref, const_cast<Exec&>(ex));
    if (!v.is_undefined()) c.locals.emplace_back(name, v);
  }
  return &c;
}

Result<std::string> Renderer::render(const Template& tmpl, const Value& vars) {
  if (!vars.is_dict() && !vars.is_none() && !vars.is_undefined()) {
    return file_error(tmpl.name(), "the variables of a render must be a dict, not " +
                                       std::string(vars.type_name()));
  }
  std::string out;
  out.reserve(tmpl.output_size_hint());
  out_ = &out;
  Context* ctx = new_context(nullptr, tmpl);
  ctx->render_vars = vars.is_dict() ? &vars : nullptr;
  if (!run_template(tmpl, ctx, nullptr, nullptr)) return error_;
  tmpl.note_output_size(out.size());
  return out;
}

bool Renderer::run_template(const Template& tmpl, Context* ctx, const Node* at,
                            const Exec* caller) {
  Depth depth(*this);
  if (!depth.ok) {
    Exec where;
    if (caller) where = *caller;
    return fail(where, at, too_deep(env_.options().max_depth));
  }
  record_use(tmpl);
  const Template* current = &tmpl;
  int chain = 0;
  while (current) {
    if (++chain > env_.options().max_depth) {
      Exec where;
      where.tmpl = current;
      return fail(where, nullptr, "template inheritance too deep (circular extends?)");
    }
    const TemplateAst& ast = current->ast();
    FrameHandle frame(*this, new_frame(ast.frame_size, nullptr));
    const Template* parent = nullptr;
    Exec ex;
    ex.frame = frame.get();
    ex.ctx = ctx;
    ex.tmpl = current;
    ex.autoescape = current->autoescape();
    ex.parent_template = &parent;
    if (ast.uses_self) {
      frame.get()->slots[ast.self_slot] = Value::make_object<TemplateReference>(this, ctx);
    }
    if (!init_scope(ast.scope, ex) || !exec_body(ast.body, ex)) return false;
    current = parent;
  }
  return true;
}

bool Renderer::init_scope(const ScopeInfo& scope, Exec& ex) {
  for (const SlotInit& init : scope.inits) {
    Value& target = ex.frame->slots[init.slot];
    if (init.from_outer) {
      target = *slot(init.outer, ex);
    } else if (const Value* v = ex.ctx->lookup(init.name)) {
      target = *v;
    } else if (const Value* g = env_.global(init.name)) {
      target = *g;
    } else {
      target = Value::undefined_name(init.name);
    }
  }
  return true;
}

bool Renderer::exec_body(const Body& body, Exec& ex) {
  for (const Stmt* s : body) {
    if (!exec(s, ex)) return false;
  }
  return true;
}

bool Renderer::exec(const Stmt* stmt, Exec& ex) {
  switch (stmt->kind) {
    case StmtKind::kOutput:
      return exec_output(static_cast<const OutputStmt*>(stmt), ex);
    case StmtKind::kIf:
      return exec_if(static_cast<const IfStmt*>(stmt), ex);
    case StmtKind::kFor:
      return exec_for(static_cast<const ForStmt*>(stmt), ex);
    case StmtKind::kSet:
      return exec_set(static_cast<const SetStmt*>(stmt), ex);
    case StmtKind::kSetBlock:
      return exec_set_block(static_cast<const SetBlockStmt*>(stmt), ex);
    case StmtKind::kMacro:
      return exec_macro(static_cast<const MacroStmt*>(stmt), ex);
    case StmtKind::kCallBlock:
      return exec_call_block(static_cast<const CallBlockStmt*>(stmt), ex);
    case StmtKind::kFilterBlock:
      return exec_filter_block(static_cast<const FilterBlockStmt*>(stmt), ex);
    case StmtKind::kWith:
      return exec_with(static_cast<const WithStmt*>(stmt), ex);
    case StmtKind::kBlock:
      return exec_block(static_cast<const BlockStmt*>(stmt), ex);
    case StmtKind::kExtends:
      return exec_extends(static_cast<const ExtendsStmt*>(stmt), ex);
    case StmtKind::kInclude:
      return exec_include(static_cast<const IncludeStmt*>(stmt), ex);
    case StmtKind::kImport:
      return exec_import(static_cast<const ImportStmt*>(stmt), ex);
    case StmtKind::kFromImport:
      return exec_from_import(static_cast<const FromImportStmt*>(stmt), ex);
    case StmtKind::kAutoescape:
      return exec_autoescape(static_cast<const AutoescapeStmt*>(stmt), ex);
  }
  return true;
}

bool Renderer::emit(const Value& v, Exec& ex, const Node* at) {
  std::string& out = *out_;
  switch (v.kind()) {
    case Kind::kString:
      if (ex.autoescape && !v.is_safe() && !v.escapes_to_itself()) {
        escape_html(v.as_string(), out);
      } else {
        out += v.as_string();
      }
      break;
    case Kind::kUndefined:
      if (strict_undefined()) return fail_undefined(ex, at, v);
      break;
    case Kind::kNone:
    case Kind::kBool:
    case Kind::kInt:
    case Kind::kFloat:
      python_str(v, out);
      break;
    case Kind::kObject:
      if (ex.autoescape && !v.as_object()->is_safe()) {
        std::string s;
        v.as_object()->str(s);
        escape_html(s, out);
      } else {
        v.as_object()->str(out);
      }
      break;
    default:
      if (ex.autoescape) {
        std::string s;
        python_str(v, s);
        escape_html(s, out);
      } else {
        python_str(v, out);
      }
      break;
  }
  size_t limit = env_.options().max_output;
  if (limit && out.size() > limit) {
    return fail(ex, at, "output too large (more than " + std::to_string(limit) + " bytes)");
  }
  return true;
}

bool Renderer::exec_output(const OutputStmt* s, Exec& ex) {
  if (s->guard && ex.parent_template && *ex.parent_template) return true;
  for (const auto& item : s->items) {
    if (!item.expr) {
      *out_ += item.text;
      continue;
    }
    if (item.expr->kind == ExprKind::kCall) {
      Value result;
      bool streamed = false;
      if (!eval_call(static_cast<const CallExpr*>(item.expr), ex, result, nullptr, &streamed))
        return false;
      if (!streamed && !emit(result, ex, item.expr)) return false;
      continue;
    }
    Value tmp;
    if (item.expr->kind == ExprKind::kFilter) {  // `{{ x|f }}`: straight to the filter
      if (!eval_filter(static_cast<const FilterExpr*>(item.expr), ex, tmp) ||
          !emit(tmp, ex, item.expr))
        return false;
      continue;
    }
    const Value* v = eval_ref(item.expr, ex, tmp);
    if (!v || !emit(*v, ex, item.expr)) return false;
  }
  return true;
}

bool Renderer::exec_if(const IfStmt* s, Exec& ex) {
  for (const auto& [test, body] : s->branches) {
    Value tmp;
    const Value* v = eval_ref(test, ex, tmp);
    if (!v) return false;
    bool yes = false;
    if (!truth(*v, ex, test, yes)) return false;
    if (yes) return exec_body(body, ex);
  }
  return exec_body(s->otherwise, ex);
}

namespace {
bool make_items(const Value& iterable, Items& out, Error& error) {
  auto items = iterate(iterable);
  if (!items) {
    error = items.error();
    return false;
  }
  out = std::move(*items);
  return true;
}
}  // namespace

bool Renderer::exec_for(const ForStmt* s, Exec& ex) {
  Value tmp;
  const Value* iterable = eval_ref(s->iter, ex, tmp);
  if (!iterable) return false;
  if (iterable->is_undefined() && strict_undefined()) return fail_undefined(ex, s->iter, *iterable);
  Items items;
  Error error;
  if (!make_items(*iterable, items, error)) return fail(ex, s->iter, error);
  if (s->filter) {
    std::vector<Value> kept;
    if (!init_scope(s->test_scope, ex)) return false;
    for (const Value& item : items) {
      if (!assign(s->test_target, item, ex, false)) return false;
      Value t;
      const Value* v = eval_ref(s->filter, ex, t);
      if (!v) return false;
      bool yes;
      if (!truth(*v, ex, s->filter, yes)) return false;
      if (yes) kept.push_back(item);
    }
    items = Items::from(std::move(kept));
  }
  Value loop;
  return run_loop(s, ex, std::move(items), 0, loop);
}

bool Renderer::run_loop(const ForStmt* s, Exec& ex, Items items, int depth, Value& loop_value) {
  LoopObject* loop = nullptr;
  if (s->loop_object) {
    loop_value = Value::make_object<LoopObject>(std::move(items), depth);
    loop = loop_value.object_as<LoopObject>();
    adopt(loop_value);
    if (s->recursive) {
      capture(ex.frame);
      loop->make_recursive(this, s, ex);
    }
  }
  const Items& seq = loop ? loop->items() : items;
  uint64_t limit = env_.options().max_iterations;
  bool ok = true;
  for (size_t i = 0; ok && i < seq.size(); ++i) {
    if (limit && ++iterations_ > limit) {
      ok = fail(ex, s, "too many loop iterations (more than " + std::to_string(limit) + ")");
      break;
    }
    if (loop) loop->set_index(i);
    ok = init_scope(s->body_scope, ex);
    if (!ok) break;
    if (loop) ex.frame->slots[s->loop_slot].set_alias(loop_value);
    if (s->target.kind == Target::Kind::kName) {
      // The items outlive the iteration: the variable aliases the item (no counting).
      slot(s->target.ref, ex)->set_alias(seq[i]);
      ok = exec_body(s->body, ex);
    } else {
      ok = assign(s->target, seq[i], ex, false) && exec_body(s->body, ex);
    }
  }
  // Aliases must not outlive the loop's items: what macros defined in the loop may still
  // read becomes an owned value.
  if (s->target.kind == Target::Kind::kName) {
    Value& last = *slot(s->target.ref, ex);
    if (last.is_alias()) last = Value(last);
  }
  if (loop) {
    Value& held = ex.frame->slots[s->loop_slot];
    if (held.is_alias()) held = Value(held);
  }
  if (ok && seq.size() == 0) {
    ok = init_scope(s->else_scope, ex) && exec_body(s->otherwise, ex);
  }
  if (loop) loop->finish();
  return ok;
}

Result<Value> Renderer::call_loop(LoopObject& loop, const Value& iterable) {
  const ForStmt* s = loop.stmt();
  Exec ex = loop.exec();
  Depth depth(*this);
  if (!depth.ok) return failure(too_deep(env_.options().max_depth));
  Items items;
  Error error;
  if (!make_items(iterable, items, error)) return error;
  // The recursive run reuses this loop's slots: keep the current iteration's values aside.
  uint32_t first = s->filter ? s->test_scope.first_slot : s->body_scope.first_slot;
  uint32_t end = s->else_scope.end_slot;
  std::vector<Value> saved;
  saved.reserve(end - first);
  for (uint32_t i = first; i < end; ++i) saved.push_back(std::move(ex.frame->slots[i]));
  std::string buffer;
  std::string* outer = out_;
  out_ = &buffer;
  bool ok = true;
  if (s->filter) {
    std::vector<Value> kept;
    ok = init_scope(s->test_scope, ex);
    for (size_t i = 0; ok && i < items.size(); ++i) {
      ok = assign(s->test_target, items[i], ex, false);
      if (!ok) break;
      Value t;
      const Value* v = eval_ref(s->filter, ex, t);
      bool yes = false;
      ok = v && truth(*v, ex, s->filter, yes);
      if (ok && yes) kept.push_back(items[i]);
    }
    items = Items::from(std::move(kept));
  }
  Value inner_loop;
  if (ok) ok = run_loop(s, ex, std::move(items), loop.depth() + 1, inner_loop);
  out_ = outer;
  for (uint32_t i = first; i < end; ++i) ex.frame->slots[i] = std::move(saved[i - first]);
  if (!ok) return error_;
  return Value::string(buffer, ex.autoescape);
}

bool Renderer::assign(const Target& target, const Value& value, Exec& ex, bool exported) {
  switch (target.kind) {
    case Target::Kind::kName:
      *slot(target.ref, ex) = value;
      if (exported) ex.ctx->set_var(target.name, value, true);
      return true;
    case Target::Kind::kTuple: {
      if (value.is_undefined() && strict_undefined()) return fail_undefined(ex, nullptr, value);
      auto items = iterate(value);
      if (!items) {
        Node at;
        at.offset = target.offset;
        return fail(ex, &at,
                    "cannot unpack non-iterable " + std::string(value.type_name()) + " object");
      }
      size_t n = target.items.size();
      if (items->size() != n) {
        Node at;
        at.offset = target.offset;
        if (items->size() < n)
          return fail(ex, &at,
                      "not enough values to unpack (expected " + std::to_string(n) + ", got " +
                          std::to_string(items->size()) + ")");
        return fail(ex, &at, "too many values to unpack (expected " + std::to_string(n) + ")");
      }
      for (size_t i = 0; i < n; ++i) {
        if (!assign(target.items[i], (*items)[i], ex, exported)) return false;
      }
      return true;
    }
    case Target::Kind::kNamespaceAttr: {
      const Value* ns;
      Value tmp;
      if (target.ref.where == NameRef::Where::kSlot) {
        ns = slot(target.ref, ex);
      } else {
        ns = ex.ctx->lookup(target.name);
        if (!ns) ns = env_.global(target.name);
      }
      NamespaceObject* obj = ns ? ns->object_as<NamespaceObject>() : nullptr;
      if (!obj) {
        Node at;
        at.offset = target.offset;
        return fail(ex, &at, "cannot assign attribute on non-namespace object");
      }
      obj->set(target.attribute, value);
      return true;
    }
  }
  return true;
}

bool Renderer::exec_set(const SetStmt* s, Exec& ex) {
  Value tmp;
  const Value* v = eval_ref(s->value, ex, tmp);
  if (!v) return false;
  Value value = *v;
  return assign(s->target, value, ex, s->exported);
}

bool Renderer::capture_body(const Body& body, const ScopeInfo& scope, Exec& ex, std::string& out) {
  std::string* outer = out_;
  out_ = &out;
  bool ok = init_scope(scope, ex) && exec_body(body, ex);
  out_ = outer;
  return ok;
}

bool Renderer::exec_set_block(const SetBlockStmt* s, Exec& ex) {
  std::string buffer;
  if (!capture_body(s->body, s->scope, ex, buffer)) return false;
  Value value = Value::string(buffer, ex.autoescape);
  if (s->filter) {
    const Value* saved = filter_body_;
    filter_body_ = &value;
    Value filtered;
    bool ok = eval(s->filter, ex, filtered);
    filter_body_ = saved;
    if (!ok) return false;
    value = ex.autoescape ? (filtered.is_string() ? filtered.as_markup()
                                                  : Value::markup(to_python_str(filtered)))
                          : filtered;
  }
  return assign(s->target, value, ex, s->exported);
}

bool Renderer::exec_macro(const MacroStmt* s, Exec& ex) {
  capture(ex.frame);
  Value macro = Value::make_object<MacroObject>(&s->def, ex.frame, ex.ctx, ex.tmpl, ex.autoescape);
  *slot(s->target, ex) = macro;
  if (s->exported) ex.ctx->set_var(s->def.name, macro, true);
  return true;
}

bool Renderer::exec_call_block(const CallBlockStmt* s, Exec& ex) {
  capture(ex.frame);
  Value caller = Value::make_object<MacroObject>(&s->def, ex.frame, ex.ctx, ex.tmpl, ex.autoescape);
  Value result;
  bool streamed = false;
  if (!eval_call(s->call, ex, result, &caller, &streamed)) return false;
  return streamed || emit(result, ex, s);
}

bool Renderer::exec_filter_block(const FilterBlockStmt* s, Exec& ex) {
  std::string buffer;
  if (!capture_body(s->body, s->scope, ex, buffer)) return false;
  Value value = Value::string(buffer, ex.autoescape);
  const Value* saved = filter_body_;
  filter_body_ = &value;
  Value filtered;
  bool ok = eval(s->filter, ex, filtered);
  filter_body_ = saved;
  return ok && emit(filtered, ex, s);
}

bool Renderer::exec_with(const WithStmt* s, Exec& ex) {
  std::vector<Value> values;
  values.reserve(s->assignments.size());
  for (const auto& [target, expr] : s->assignments) {
    Value v;
    if (!eval(expr, ex, v)) return false;
    values.push_back(std::move(v));
  }
  if (!init_scope(s->scope, ex)) return false;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!assign(s->assignments[i].first, values[i], ex, false)) return false;
  }
  return exec_body(s->body, ex);
}

Result<Value> Renderer::render_block(Context* ctx, std::vector<BlockRef>* chain, size_t index) {
  std::string buffer;
  Error unplaced;
  if (!render_block_into(ctx, chain, index, buffer, unplaced)) return failed_ ? error_ : unplaced;
  bool escape = ctx->tmpl ? ctx->tmpl->autoescape() : (*chain)[index].tmpl->autoescape();
  return Value::string(buffer, escape);
}

bool Renderer::render_block_into(Context* ctx, std::vector<BlockRef>* chain, size_t index,
                                 std::string& out, Error& unplaced) {
  Depth depth(*this);
  if (!depth.ok) {
    unplaced = failure(too_deep(env_.options().max_depth));
    return false;
  }
  std::string* outer = out_;
  out_ = &out;
  const BlockRef& ref = (*chain)[index];
  FrameHandle frame(*this, new_frame(ref.block->frame_size, nullptr));
  Exec bex;
  bex.frame = frame.get();
  bex.ctx = ctx;
  bex.tmpl = ref.tmpl;
  bex.autoescape = ref.tmpl->autoescape();
  bex.block_chain = chain;
  bex.block_index = index;
  const BlockStmt* b = ref.block;
  if (b->uses_self)
    frame.get()->slots[b->self_slot] = Value::make_object<TemplateReference>(this, ctx);
  if (b->uses_super) {
    frame.get()->slots[b->super_slot] =
        index + 1 < chain->size()
            ? Value::make_object<BlockReference>(this, ctx, chain, index + 1, b->name)
            : Value::undefined_message("there is no parent block called '" + std::string(b->name) +
                                       "'.");
  }
  bool ok = init_scope(b->scope, bex) && exec_body(b->body, bex);
  out_ = outer;
  return ok;
}

bool Renderer::exec_block(const BlockStmt* s, Exec& ex) {
  if (s->guard && ex.parent_template && *ex.parent_template) return true;
  std::vector<BlockRef>* chain = ex.ctx->blocks ? ex.ctx->blocks->find(s->name) : nullptr;
  if (!chain) {
    // A block of a template rendered with a context that does not know it.
    ex.ctx->blocks->add(s->name, BlockRef{s, ex.tmpl});
    chain = ex.ctx->blocks->find(s->name);
  }
  if (s->required && chain->size() <= 1) {
    return fail(ex, s, "Required block '" + std::string(s->name) + "' not found");
  }
  Context* ctx = s->scoped ? derive(ex.ctx, s->locals, ex) : ex.ctx;
  // Straight into the output. Errors inside the block are placed already; too deep a nesting
  // is placed here.
  Error unplaced;
  if (!render_block_into(ctx, chain, 0, *out_, unplaced))
    return failed_ ? false : fail(ex, s, unplaced);
  return true;
}

bool Renderer::load_template(const Value& name, const Exec& ex, const Node* at, bool ignore_missing,
                             const Template*& out) {
  out = nullptr;
  std::vector<Value> names;
  if (name.is_undefined()) return fail_undefined(ex, at, name);
  if (name.is_string()) {
    names.push_back(name);
  } else if (name.is_list() &&
             (name.list_kind() == ListKind::kList || is_tuple_kind(name.list_kind()))) {
    names = name.items();
    if (names.empty()) {
      if (ignore_missing) return true;
      return fail(ex, at, "Tried to select from an empty list of templates.");
    }
  } else {
    return fail(ex, at, "a template name must be a string, not " + std::string(name.type_name()));
  }
  for (const Value& n : names) {
    if (n.is_undefined()) return fail_undefined(ex, at, n);
    if (!n.is_string()) {
      return fail(ex, at, "a template name must be a string, not " + std::string(n.type_name()));
    }
    bool found = false;
    auto t = env_.find_template(n.as_string(), found);
    if (!t) return fail(ex, at, t.error());
    if (found) {
      out = *t;
      record_use(**t);
      return true;
    }
  }
  if (ignore_missing) return true;
  if (names.size() == 1) {
    return fail(ex, at, "template '" + std::string(names[0].as_string()) + "' not found");
  }
  std::string list;
  for (const Value& n : names) {
    if (!list.empty()) list += ", ";
    list += "'" + std::string(n.as_string()) + "'";
  }
  return fail(ex, at, "none of the templates given were found: " + list);
}

bool Renderer::exec_extends(const ExtendsStmt* s, Exec& ex) {
  if (!ex.parent_template) return fail(ex, s, "cannot use extend from a non top-level scope");
  if (*ex.parent_template) return fail(ex, s, "extended multiple times");
  Value name;
  if (!eval(s->name, ex, name)) return false;
  const Template* parent = nullptr;
  if (!load_template(name, ex, s, false, parent)) return false;
  for (const BlockStmt* b : parent->ast().blocks) ex.ctx->blocks->add(b->name, BlockRef{b, parent});
  *ex.parent_template = parent;
  return true;
}

bool Renderer::exec_include(const IncludeStmt* s, Exec& ex) {
  Value name;
  if (!eval(s->name, ex, name)) return false;
  const Template* t = nullptr;
  if (!load_template(name, ex, s, s->ignore_missing, t)) return false;
  if (!t) return true;
  Context* ctx = new_context(s->with_context ? ex.ctx : nullptr, *t);
  if (s->with_context) {
    for (const auto& [n, ref] : s->locals) {
      const Value& v = *slot(ref, ex);
      if (!v.is_undefined()) ctx->locals.emplace_back(n, v);
    }
  }
  return run_template(*t, ctx, s, &ex);
}

Result<Value> Renderer::import_module(const Template& tmpl, bool with_context,
                                      const LocalNames& locals, Exec& ex, const Node* at) {
  if (!with_context) {
    for (const auto& [t, module] : modules_) {
      if (t == &tmpl) return module;
    }
  }
  Context* ctx = new_context(with_context ? ex.ctx : nullptr, tmpl);
  if (with_context) {
    for (const auto& [n, ref] : locals) {
      const Value& v = *slot(ref, ex);
      if (!v.is_undefined()) ctx->locals.emplace_back(n, v);
    }
  }
  std::string body;
  std::string* outer = out_;
  out_ = &body;
  bool ok = run_template(tmpl, ctx, at, &ex);
  out_ = outer;
  if (!ok) return error_;
  std::vector<std::pair<std::string_view, Value>> exports;
  for (std::string_view name : ctx->exported) {
    for (const auto& [n, v] : ctx->vars) {
      if (n == name) exports.emplace_back(n, v);
    }
  }
  Value module = Value::make_object<ModuleObject>(tmpl.name(), std::move(exports), std::move(body));
  adopt(module);
  if (!with_context) modules_.emplace_back(&tmpl, module);
  return module;
}

bool Renderer::exec_import(const ImportStmt* s, Exec& ex) {
  Value name;
  if (!eval(s->name, ex, name)) return false;
  const Template* t = nullptr;
  if (!load_template(name, ex, s, false, t)) return false;
  auto module = import_module(*t, s->with_context, s->locals, ex, s);
  if (!module) return fail(ex, s, module.error());
  *slot(s->target.ref, ex) = *module;
  if (s->exported) ex.ctx->set_var(s->target.name, *module, false);
  return true;
}

bool Renderer::exec_from_import(const FromImportStmt* s, Exec& ex) {
  Value name;
  if (!eval(s->name, ex, name)) return false;
  const Template* t = nullptr;
  if (!load_template(name, ex, s, false, t)) return false;
  auto module = import_module(*t, s->with_context, s->locals, ex, s);
  if (!module) return fail(ex, s, module.error());
  for (const auto& imported : s->names) {
    Value v;
    if (!module->as_object()->get_attr(imported.name, v)) {
      Error where = ex.tmpl->error_at(s->offset, "");
      v = Value::undefined_message("the template '" + t->name() + "' (imported on line " +
                                   std::to_string(where.line) + " in '" + ex.tmpl->name() +
                                   "') does not export the requested name '" +
                                   std::string(imported.name) + "'");
    }
    *slot(imported.target.ref, ex) = v;
    if (s->exported) ex.ctx->set_var(imported.target.name, v, false);
  }
  return true;
}

bool Renderer::exec_autoescape(const AutoescapeStmt* s, Exec& ex) {
  if (!init_scope(s->scope, ex)) return false;
  Value tmp;
  const Value* v = eval_ref(s->value, ex, tmp);
  if (!v) return false;
  bool on = false;
  if (!truth(*v, ex, s->value, on)) return false;
  bool saved = ex.autoescape;
  ex.autoescape = on;
  bool ok = exec_body(s->body, ex);
  ex.autoescape = saved;
  return ok;
}

// ---- macros ----

Exec Renderer::macro_exec(const MacroObject& macro, Frame* frame) {
  Exec mex;
  mex.frame = frame;
  mex.ctx = macro.ctx();
  mex.tmpl = macro.tmpl();
  mex.autoescape = macro.autoescape();
  return mex;
}

bool Renderer::run_macro_body(const MacroDef& def, Exec& mex, std::string* sink,
                              std::string& buffer) {
  std::string* outer = out_;
  out_ = sink ? sink : &buffer;
  const Exec* saved_current = current_;
  bool ok = exec_body(def.body, mex);
  current_ = saved_current;
  out_ = outer;
  if (mex.frame->captured) {
    // A macro defined inside keeps this frame: its aliases become owned values.
    for (Value& v : mex.frame->slots) {
      if (v.is_alias()) v = Value(v);
    }
  }
  return ok;
}

Result<Value> Renderer::call_macro(MacroObject& macro, const Args& args) {
  bool caller_autoescape = current_ ? current_->autoescape : macro.autoescape();
  // Output may go straight into the caller's output (see eval_call); claim that first.
  std::string* sink = macro_sink_;
  macro_sink_ = nullptr;
  Depth depth(*this);
  if (!depth.ok) return failure(too_deep(env_.options().max_depth));
  const MacroDef& def = *macro.def();
  FrameHandle frame(*this, new_frame(def.frame_size, macro.frame()));
  std::vector<Value>& slots = frame.get()->slots;
  size_t n = def.params.size();
  size_t given = std::min(args.positional.size(), n);
  // Arguments outlive the call: parameters alias them (owned below if the frame outlives it).
  for (size_t i = 0; i < given; ++i) slots[def.params[i].slot].set_alias(args.positional[i]);
  // The common call gives every parameter by position and nothing else: no defaults to
  // evaluate, no keywords to match, nothing to collect.
  const bool by_position = args.keywords.empty() && def.takes_by_position(args.positional.size());
  SmallVector<uint8_t, 16> provided;
  if (!by_position) {
    for (size_t i = 0; i < n; ++i) provided.push_back(i < given);
    // Keyword arguments not taken by a parameter yet.
    SmallVector<uint8_t, 8> taken;
    for (size_t i = 0; i < args.keywords.size(); ++i) taken.push_back(false);
    auto take = [&](std::string_view name) -> const Kwarg* {
      for (size_t k = 0; k < args.keywords.size(); ++k) {
        if (!taken[k] && args.keywords[k].name == name) {
          taken[k] = true;
          return &args.keywords[k];
        }
      }
      return nullptr;
    };
    bool found_caller = false;
    if (given != n) {
      for (size_t i = given; i < n; ++i) {
        if (def.params[i].name == "caller") found_caller = true;
        if (const Kwarg* k = take(def.params[i].name)) {
          slots[def.params[i].slot].set_alias(k->value);
          provided[i] = true;
        }
      }
    } else {
      found_caller = def.explicit_caller;
    }
    if (def.accepts_caller && !found_caller) {
      const Kwarg* k = take("caller");
      slots[def.caller_slot] =
          k && !k->value.is_none() ? k->value : Value::undefined_message("No caller defined");
    }
    const Kwarg* first_left = nullptr;
    bool caller_left = false;
    for (size_t k = 0; k < args.keywords.size(); ++k) {
      if (taken[k]) continue;
      if (!first_left) first_left = &args.keywords[k];
      caller_left = caller_left || args.keywords[k].name == "caller";
    }
    if (def.catch_kwargs) {
      std::vector<std::pair<Value, Value>> entries;
      for (size_t k = 0; k < args.keywords.size(); ++k) {
        if (!taken[k]) entries.emplace_back(Value(args.keywords[k].name), args.keywords[k].value);
      }
      slots[def.kwargs_slot] = Value::dict(std::move(entries));
    } else if (first_left) {
      std::string name(def.name);
      if (caller_left)
        return failure(
            "macro '" + name +
            "' was invoked with two values for the special caller argument. This is most "
            "likely a bug.");
      return failure("macro '" + name + "' takes no keyword argument '" +
                     std::string(first_left->name) + "'");
    }
    if (def.catch_varargs) {
      std::vector<Value> rest;
      for (size_t i = n; i < args.positional.size(); ++i) rest.push_back(args.positional[i]);
      slots[def.varargs_slot] = Value::tuple(std::move(rest));
    } else if (args.positional.size() > n) {
      return failure("macro '" + std::string(def.name) + "' takes not more than " +
                     std::to_string(n) + " argument(s)");
    }
  }
  Exec mex = macro_exec(macro, frame.get());
  if (!init_scope(def.scope, mex)) return error_;
  for (size_t i = 0; i < n && !by_position; ++i) {
    if (provided[i]) continue;
    const auto& p = def.params[i];
    if (p.default_value) {
      Value v;
      if (!eval(p.default_value, mex, v)) return error_;
      slots[p.slot] = std::move(v);
    } else {
      slots[p.slot] =
          Value::undefined_message("parameter '" + std::string(p.name) + "' was not provided");
    }
  }
  std::string buffer;
  if (!run_macro_body(def, mex, sink, buffer)) return error_;
  if (sink) {
    macro_streamed_ = true;
    return Value();
  }
  return Value::string(buffer, caller_autoescape);
}

bool Renderer::call_macro_by_position(MacroObject& macro, const CallExpr* c, Exec& ex, Value& out,
                                      bool* streamed) {
  const MacroDef& def = *macro.def();
  FrameHandle frame(*this, new_frame(def.frame_size, macro.frame()));
  std::vector<Value>& slots = frame.get()->slots;
  // Arguments that live in a variable or container alias it (calls cannot reassign the
  // caller's variables); owned below if the frame outlives the call.
  for (size_t i = 0; i < def.params.size(); ++i) {
    Value& param = slots[def.params[i].slot];
    const Value* v = eval_ref(c->args.positional[i], ex, param);
    if (!v) return false;
    if (v != &param) param.set_alias(*v);
  }
  Depth depth(*this);
  if (!depth.ok) return fail(ex, c, too_deep(env_.options().max_depth));
  Exec mex = macro_exec(macro, frame.get());
  if (!def.scope.inits.empty() && !init_scope(def.scope, mex)) return false;
  std::string buffer;
  // With `streamed`, into the caller's output.
  if (!run_macro_body(def, mex, streamed ? out_ : nullptr, buffer)) return false;
  if (streamed) {
    *streamed = true;
  } else {
    out = Value::string(buffer, ex.autoescape);
  }
  return true;
}

}  // namespace gazette::templating
