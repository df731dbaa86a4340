#include "templating/runtime.hpp"

#include "templating/pyformat.hpp"
#include "templating/renderer.hpp"

namespace gazette::templating {

// ---- block tables and contexts ----

std::vector<BlockRef>* BlockTable::find(std::string_view name) {
  for (auto& [n, chain] : entries) {
    if (n == name) return &chain;
  }
  return nullptr;
}

void BlockTable::add(std::string_view name, BlockRef ref) {
  if (auto* chain = find(name)) {
    chain->push_back(ref);
  } else {
    entries.emplace_back(name, std::vector<BlockRef>{ref});
  }
}

const Value* Context::lookup(std::string_view name, uint32_t hash) const {
  for (const Context* c = this; c; c = c->parent) {
    for (const auto& [n, v] : c->vars) {
      if (n == name) return &v;
    }
    for (const auto& [n, v] : c->locals) {
      if (n == name) return &v;
    }
    if (c->render_vars && c->render_vars->is_dict()) {
      if (const Value* v = c->render_vars->find(name, hash)) return v;
    }
  }
  return nullptr;
}

void Context::set_var(std::string_view name, Value value, bool exported_flag) {
  bool found = false;
  for (auto& [n, v] : vars) {
    if (n == name) {
      v = std::move(value);
      found = true;
      break;
    }
  }
  if (!found) vars.emplace_back(name, std::move(value));
  auto it = std::find(exported.begin(), exported.end(), name);
  if (exported_flag && (name.empty() || name[0] != '_')) {
    if (it == exported.end()) exported.push_back(name);
  } else if (it != exported.end()) {
    exported.erase(it);
  }
}

namespace {

Renderer* renderer_of(CallContext& context) {
  // Renderer is final: its exact type is a type_info compare, cheaper than dynamic_cast.
  return typeid(context) == typeid(Renderer) ? static_cast<Renderer*>(&context) : nullptr;
}

Result<Value> no_renderer() {
  return failure("this object can only be called while rendering");
}

}  // namespace

// ---- macros ----

void MacroObject::repr(std::string& out) const {
  out += "<Macro ";
  python_repr_string(def_->name, out);
  out += '>';
}

bool MacroObject::get_attr(std::string_view name, Value& out) const {
  if (name == "name") {
    out = Value::borrowed(def_->name);
  } else if (name == "arguments") {
    std::vector<Value> names;
    for (const auto& p : def_->params) names.push_back(Value::borrowed(p.name));
    out = Value::tuple(std::move(names));
  } else if (name == "catch_kwargs") {
    out = Value(def_->catch_kwargs);
  } else if (name == "catch_varargs") {
    out = Value(def_->catch_varargs);
  } else if (name == "caller") {
    out = Value(def_->accepts_caller);
  } else {
    return false;
  }
  return true;
}

Result<Value> MacroObject::call(CallContext& context, const Args& args) {
  Renderer* r = renderer_of(context);
  if (!r) return no_renderer();
  return r->call_macro(*this, args);
}

// ---- loops ----

void LoopObject::repr(std::string& out) const {
  out += "<LoopContext ";
  out += std::to_string(index0_ + 1);
  out += '/';
  out += std::to_string(items_.size());
  out += '>';
}

namespace {
Result<Value> loop_cycle(Object& self, CallContext&, const Args& args) {
  return static_cast<LoopObject&>(self).cycle(args);
}
Result<Value> loop_changed(Object& self, CallContext&, const Args& args) {
  return static_cast<LoopObject&>(self).changed(args);
}
}  // namespace

Value LoopObject::number(LoopNumber which) const {
  const auto length = static_cast<int64_t>(items_.size()), i = static_cast<int64_t>(index0_);
  switch (which) {
    case LoopNumber::kIndex:
      return Value(i + 1);
    case LoopNumber::kIndex0:
      return Value(i);
    case LoopNumber::kRevindex:
      return Value(length - i);
    case LoopNumber::kRevindex0:
      return Value(length - i - 1);
    case LoopNumber::kFirst:
      return Value(i == 0);
    case LoopNumber::kLast:
      return Value(i == length - 1);
    case LoopNumber::kLength:
      return Value(length);
  }
  return Value();
}

bool LoopObject::get_attr(std::string_view name, Value& out) const {
  int64_t length = static_cast<int64_t>(items_.size());
  int64_t i = static_cast<int64_t>(index0_);
  if (int which = loop_number_of(name); which >= 0)
    out = number(static_cast<LoopNumber>(which));
  else if (name == "depth")
    out = Value(static_cast<int64_t>(depth0_) + 1);
  else if (name == "depth0")
    out = Value(static_cast<int64_t>(depth0_));
  else if (name == "previtem")
    out = i > 0 ? items_[static_cast<size_t>(i - 1)]
                : Value::undefined_message("there is no previous item");
  else if (name == "nextitem")
    out = i + 1 < length ? items_[static_cast<size_t>(i + 1)]
                         : Value::undefined_message("there is no next item");
  else if (name == "cycle")
    out = Value::make_object<ObjectMethod>(Value::object_ref(this), "cycle", loop_cycle);
  else if (name == "changed")
    out = Value::make_object<ObjectMethod>(Value::object_ref(this), "changed", loop_changed);
  else
    return false;
  return true;
}

Result<Value> LoopObject::cycle(const Args& args) const {
  if (!args.keywords.empty()) return failure("cycle() takes no keyword arguments");
  if (args.positional.empty()) return failure("no items for cycling given");
  return args.positional[index0_ % args.positional.size()];
}

Result<Value> LoopObject::changed(const Args& args) {
  if (!args.keywords.empty()) return failure("changed() takes no keyword arguments");
  std::vector<Value> now(args.positional.begin(), args.positional.end());
  bool same = changed_called_ && now.size() == last_changed_.size();
  for (size_t i = 0; same && i < now.size(); ++i) same = python_equal(now[i], last_changed_[i]);
  if (same) return Value(false);
  last_changed_ = std::move(now);
  changed_called_ = true;
  return Value(true);
}

Result<Value> LoopObject::call(CallContext&, const Args& args) {
  if (!renderer_) {
    return failure("The loop must have the 'recursive' marker to be called recursively.");
  }
  if (args.positional.size() != 1 || !args.keywords.empty())
    return failure("loop() takes exactly one argument (the items to loop over)");
  return renderer_->call_loop(*this, args.positional[0]);
}

// ---- self and blocks ----

void TemplateReference::repr(std::string& out) const {
  out += "<TemplateReference ";
  python_repr_string(ctx_->tmpl ? std::string_view(ctx_->tmpl->name()) : "None", out);
  out += '>';
}

bool TemplateReference::get_attr(std::string_view name, Value& out) const {
  if (!ctx_->blocks) return false;
  std::vector<BlockRef>* chain = ctx_->blocks->find(name);
  if (!chain) return false;
  out = Value::make_object<BlockReference>(renderer_, ctx_, chain, 0, chain->front().block->name);
  return true;
}

bool BlockReference::get_attr(std::string_view name, Value& out) const {
  if (name != "super") return false;
  if (index_ + 1 >= chain_->size()) {
    out = Value::undefined_message("there is no parent block called '" + std::string(name_) + "'.");
  } else {
    out = Value::make_object<BlockReference>(renderer_, ctx_, chain_, index_ + 1, name_);
  }
  return true;
}

Result<Value> BlockReference::call(CallContext&, const Args& args) {
  if (!args.positional.empty() || !args.keywords.empty())
    return failure("blocks take no arguments");
  return renderer_->render_block(ctx_, chain_, index_);
}

// ---- modules ----

void ModuleObject::repr(std::string& out) const {
  out += "<TemplateModule ";
  python_repr_string(name_, out);
  out += '>';
}

const Value* ModuleObject::stored_attr(std::string_view name) const {
  for (const auto& [n, v] : exports_) {
    if (n == name) return &v;
  }
  return nullptr;
}

bool ModuleObject::get_attr(std::string_view name, Value& out) const {
  for (const auto& [n, v] : exports_) {
    if (n == name) {
      out = v;
      return true;
    }
  }
  return false;
}

// ---- namespace, cycler, joiner ----

void NamespaceObject::repr(std::string& out) const {
  out += "<Namespace {";
  bool first = true;
  for (const auto& [k, v] : attrs_) {
    if (!first) out += ", ";
    first = false;
    python_repr_string(k, out);
    out += ": ";
    python_repr(v, out);
  }
  out += "}>";
}

bool NamespaceObject::get_attr(std::string_view name, Value& out) const {
  for (const auto& [k, v] : attrs_) {
    if (k == name) {
      out = v;
      return true;
    }
  }
  return false;
}

void NamespaceObject::set(std::string_view name, Value value) {
  for (auto& [k, v] : attrs_) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  attrs_.emplace_back(std::string(name), std::move(value));
}

namespace {
Result<Value> cycler_next(Object& self, CallContext&, const Args& args) {
  if (!args.positional.empty() || !args.keywords.empty())
    return failure("next() takes no arguments");
  return static_cast<CyclerObject&>(self).next();
}
Result<Value> cycler_reset(Object& self, CallContext&, const Args& args) {
  if (!args.positional.empty() || !args.keywords.empty())
    return failure("reset() takes no arguments");
  static_cast<CyclerObject&>(self).reset();
  return Value::none();
}
}  // namespace

Value CyclerObject::next() {
  if (items_.empty()) return Value::none();
  Value v = items_[pos_];
  pos_ = (pos_ + 1) % items_.size();
  return v;
}

bool CyclerObject::get_attr(std::string_view name, Value& out) const {
  if (name == "current") {
    out = items_.empty() ? Value::none() : current();
  } else if (name == "next" || name == "__next__") {
    out = Value::make_object<ObjectMethod>(Value::object_ref(this), "next", cycler_next);
  } else if (name == "reset") {
    out = Value::make_object<ObjectMethod>(Value::object_ref(this), "reset", cycler_reset);
  } else if (name == "items") {
    out = Value::tuple(items_);
  } else if (name == "pos") {
    out = Value(static_cast<int64_t>(pos_));
  } else {
    return false;
  }
  return true;
}

Result<Value> JoinerObject::call(CallContext&, const Args& args) {
  if (!args.positional.empty() || !args.keywords.empty())
    return failure("joiner() takes no arguments");
  if (!used_) {
    used_ = true;
    return Value("");
  }
  return sep_;
}

void ObjectMethod::repr(std::string& out) const {
  out += "<bound method ";
  out += name_;
  out += " of ";
  self_.as_object()->repr(out);
  out += '>';
}

}  // namespace gazette::templating
