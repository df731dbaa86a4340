// The objects templates create while rendering (internal to the engine), with Jinja2's
// behaviour: macros and call-block callers, the `loop` variable, `self` and block references,
// imported modules, and the objects of the global functions namespace(), cycler(), joiner().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "templating/ast.hpp"
#include "templating/call.hpp"
#include "templating/ops.hpp"
#include "templating/value.hpp"

namespace gazette::templating {

class Renderer;
class Template;

// The slots of one function invocation.
struct Frame {
  Frame* parent = nullptr;  // the frame the function was defined in (macros), or null
  std::vector<Value> slots;
  bool captured = false;  // a macro refers to it: kept until the render ends
};

// A block of some template, as the block table of a render lists them.
struct BlockRef {
  const BlockStmt* block = nullptr;
  const Template* tmpl = nullptr;
};

// For each block name, the blocks that define it: the most derived template's first.
struct BlockTable {
  std::vector<std::pair<std::string_view, std::vector<BlockRef>>> entries;
  std::vector<BlockRef>* find(std::string_view name);
  void add(std::string_view name, BlockRef ref);
};

// Template-level variables, as Jinja2's Context: assignments made at the template's top level
// (`vars`), then the variables it was derived with (`locals`), then its parent context, then
// the render's variables, then the environment's globals.
struct Context {
  Context* parent = nullptr;
  const Value* render_vars = nullptr;  // the dict passed to render (base contexts)
  std::vector<std::pair<std::string_view, Value>> locals;
  std::vector<std::pair<std::string_view, Value>> vars;
  std::vector<std::string_view> exported;
  BlockTable* blocks = nullptr;
  const Template* tmpl = nullptr;

  // The variable `name` of this context chain (not the globals), or nullptr.
  const Value* lookup(std::string_view name) const { return lookup(name, Value::hash_key(name)); }
  const Value* lookup(std::string_view name, uint32_t hash) const;
  // A template-level assignment; `exported` names become a module's attributes on import.
  void set_var(std::string_view name, Value value, bool exported);
};

// What the code being run needs: its frame, context, template and escaping state.
struct Exec {
  Frame* frame = nullptr;
  Context* ctx = nullptr;
  const Template* tmpl = nullptr;
  bool autoescape = false;
  // The template's top level: set once it has extended a parent (output is then skipped).
  const Template** parent_template = nullptr;
  // The block being rendered (for super()): its chain and position.
  std::vector<BlockRef>* block_chain = nullptr;
  size_t block_index = 0;
};

// A macro (or a call block's `caller`), with the frame and context it was defined in.
class MacroObject final : public Object {
 public:
  MacroObject(const MacroDef* def, Frame* frame, Context* ctx, const Template* tmpl,
              bool autoescape)
      : def_(def), frame_(frame), ctx_(ctx), tmpl_(tmpl), autoescape_(autoescape) {}
  std::string_view type_name() const override { return "Macro"; }
  void repr(std::string& out) const override;
  bool is_callable() const override { return true; }
  bool get_attr(std::string_view name, Value& out) const override;
  Result<Value> call(CallContext& context, const Args& args) override;

  const MacroDef* def() const { return def_; }
  Frame* frame() const { return frame_; }
  Context* ctx() const { return ctx_; }
  const Template* tmpl() const { return tmpl_; }
  // Whether its body escapes output (as where it was defined).
  bool autoescape() const { return autoescape_; }

 private:
  const MacroDef* def_;
  Frame* frame_;
  Context* ctx_;
  const Template* tmpl_;
  bool autoescape_;
};

// `loop` inside a for loop.
class LoopObject final : public Object {
 public:
  LoopObject(Items items, int depth) : items_(std::move(items)), depth0_(depth) {}
  std::string_view type_name() const override { return "LoopContext"; }
  void repr(std::string& out) const override;
  bool get_attr(std::string_view name, Value& out) const override;
  bool is_callable() const override { return true; }
  // loop(children): renders the body again for `children` (recursive loops only).
  Result<Value> call(CallContext& context, const Args& args) override;
  void clear() override { last_changed_.clear(); }

  void set_index(size_t i) { index0_ = i; }
  // loop.index, loop.first, …: a number of the current position.
  Value number(LoopNumber which) const;
  // Enables loop(…) for a recursive loop: how to re-run the body.
  void make_recursive(Renderer* renderer, const ForStmt* stmt, const Exec& exec) {
    renderer_ = renderer;
    stmt_ = stmt;
    exec_ = exec;
  }
  // The loop has ended: loop(…) is no longer possible.
  void finish() { renderer_ = nullptr; }
  const ForStmt* stmt() const { return stmt_; }
  const Exec& exec() const { return exec_; }
  int depth() const { return depth0_; }
  const Items& items() const { return items_; }

  // loop.cycle(...) and loop.changed(...)
  Result<Value> cycle(const Args& args) const;
  Result<Value> changed(const Args& args);

 private:
  Items items_;
  size_t index0_ = 0;
  int depth0_ = 0;
  std::vector<Value> last_changed_;
  bool changed_called_ = false;
  Renderer* renderer_ = nullptr;
  const ForStmt* stmt_ = nullptr;
  Exec exec_;
};

// `self`: its attributes are the blocks of the render.
class TemplateReference : public Object {
 public:
  TemplateReference(Renderer* renderer, Context* ctx) : renderer_(renderer), ctx_(ctx) {}
  std::string_view type_name() const override { return "TemplateReference"; }
  void repr(std::string& out) const override;
  bool get_attr(std::string_view name, Value& out) const override;

 private:
  Renderer* renderer_;
  Context* ctx_;
};

// A block that can be rendered by calling it: `self.title()`, `super()`.
class BlockReference : public Object {
 public:
  BlockReference(Renderer* renderer, Context* ctx, std::vector<BlockRef>* chain, size_t index,
                 std::string_view name)
      : renderer_(renderer), ctx_(ctx), chain_(chain), index_(index), name_(name) {}
  std::string_view type_name() const override { return "BlockReference"; }
  bool is_callable() const override { return true; }
  bool get_attr(std::string_view name, Value& out) const override;
  Result<Value> call(CallContext& context, const Args& args) override;

 private:
  Renderer* renderer_;
  Context* ctx_;
  std::vector<BlockRef>* chain_;
  size_t index_;
  std::string_view name_;
};

// An imported template: its exported macros and variables as attributes; printing it prints
// what it rendered.
class ModuleObject : public Object {
 public:
  ModuleObject(std::string name, std::vector<std::pair<std::string_view, Value>> exports,
               std::string body)
      : name_(std::move(name)), exports_(std::move(exports)), body_(std::move(body)) {}
  std::string_view type_name() const override { return "TemplateModule"; }
  void str(std::string& out) const override { out += body_; }
  void repr(std::string& out) const override;
  bool is_safe() const override { return true; }
  bool get_attr(std::string_view name, Value& out) const override;
  const Value* stored_attr(std::string_view name) const override;
  void clear() override { exports_.clear(); }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::vector<std::pair<std::string_view, Value>> exports_;
  std::string body_;
};

// namespace(): an object whose attributes `{% set ns.x = … %}` may change.
class NamespaceObject final : public Object {
 public:
  std::string_view type_name() const override { return "Namespace"; }
  void repr(std::string& out) const override;
  bool get_attr(std::string_view name, Value& out) const override;
  void set(std::string_view name, Value value);
  void clear() override { attrs_.clear(); }

 private:
  std::vector<std::pair<std::string, Value>> attrs_;
};

// cycler(a, b, …): .next(), .current, .reset().
class CyclerObject : public Object {
 public:
  explicit CyclerObject(std::vector<Value> items) : items_(std::move(items)) {}
  std::string_view type_name() const override { return "Cycler"; }
  void repr(std::string& out) const override { out += "<jinja2.utils.Cycler object>"; }
  bool get_attr(std::string_view name, Value& out) const override;
  void clear() override { items_.clear(); }

  Value next();
  void reset() { pos_ = 0; }
  const Value& current() const { return items_[pos_]; }

 private:
  std::vector<Value> items_;
  size_t pos_ = 0;
};

// joiner(sep): '' the first time it is called, `sep` afterwards.
class JoinerObject : public Object {
 public:
  explicit JoinerObject(Value sep) : sep_(std::move(sep)) {}
  std::string_view type_name() const override { return "Joiner"; }
  void repr(std::string& out) const override { out += "<jinja2.utils.Joiner object>"; }
  bool is_callable() const override { return true; }
  Result<Value> call(CallContext& context, const Args& args) override;

 private:
  Value sep_;
  bool used_ = false;
};

// A method of a runtime object bound to it (loop.cycle, cycler.next, …).
class ObjectMethod : public Object {
 public:
  using Fn = Result<Value> (*)(Object& self, CallContext& context, const Args& args);
  ObjectMethod(Value self, std::string_view name, Fn fn)
      : self_(std::move(self)), name_(name), fn_(fn) {}
  std::string_view type_name() const override { return "method"; }
  void repr(std::string& out) const override;
  bool is_callable() const override { return true; }
  Result<Value> call(CallContext& context, const Args& args) override {
    return fn_(*self_.as_object(), context, args);
  }

 private:
  Value self_;
  std::string_view name_;
  Fn fn_;
};

}  // namespace gazette::templating
