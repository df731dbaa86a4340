// The renderer (internal to the engine): walks a resolved template, writing its output. One
// Renderer per render; it owns everything the render creates (frames, contexts, namespaces)
// and frees it at the end. Templates and the caller's values are only read, so any number of
// renders run at once on different threads.
//
// Runtime model, after Jinja2: a *function* (a template's top level, a block, a macro, a call
// block's body) runs with a *frame* of slots for its local names and a *context* for the
// template-level variables; macros keep the frame and context they were defined in. Errors are
// values: every step returns false after recording the error with its template position.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "templating/ast.hpp"
#include "templating/call.hpp"
#include "templating/environment.hpp"
#include "templating/runtime.hpp"
#include "templating/small_vector.hpp"
#include "templating/template.hpp"

namespace gazette::templating {

class Renderer final : public CallContext {
 public:
  Renderer(const Environment& env, RenderInfo* info);
  ~Renderer() override;

  Result<std::string> render(const Template& tmpl, const Value& vars);

  // ---- CallContext ----
  bool autoescape() const override;
  bool strict_undefined() const override;
  Result<Value> call(const Value& callable, const Args& args) override;
  Result<Value> call_filter(std::string_view name, const Value& input, const Args& args) override;
  Result<bool> call_test(std::string_view name, const Value& input, const Args& args) override;
  bool has_filter(std::string_view name) const override;
  bool has_test(std::string_view name) const override;
  void adopt(const Value& object) override;
  size_t max_items() const override;

  // ---- used by runtime objects ----
  Result<Value> call_macro(MacroObject& macro, const Args& args);
  Result<Value> call_loop(LoopObject& loop, const Value& iterable);
  Result<Value> render_block(Context* ctx, std::vector<BlockRef>* chain, size_t index);
  // Renders block `index` of `chain` into `out`. False on failure: the error is error_, or
  // (too deep a nesting, not yet tied to a place) `unplaced`.
  bool render_block_into(Context* ctx, std::vector<BlockRef>* chain, size_t index, std::string& out,
                         Error& unplaced);
  void capture(Frame* frame) { frame->captured = true; }

 private:
  // statements (renderer.cpp)
  bool exec_body(const Body& body, Exec& ex);
  bool exec(const Stmt* stmt, Exec& ex);
  bool exec_output(const OutputStmt* s, Exec& ex);
  bool exec_if(const IfStmt* s, Exec& ex);
  bool exec_for(const ForStmt* s, Exec& ex);
  bool run_loop(const ForStmt* s, Exec& ex, Items items, int depth, Value& loop_value_out);
  bool exec_set(const SetStmt* s, Exec& ex);
  bool exec_set_block(const SetBlockStmt* s, Exec& ex);
  bool exec_macro(const MacroStmt* s, Exec& ex);
  bool exec_call_block(const CallBlockStmt* s, Exec& ex);
  bool exec_filter_block(const FilterBlockStmt* s, Exec& ex);
  bool exec_with(const WithStmt* s, Exec& ex);
  bool exec_block(const BlockStmt* s, Exec& ex);
  bool exec_extends(const ExtendsStmt* s, Exec& ex);
  bool exec_include(const IncludeStmt* s, Exec& ex);
  bool exec_import(const ImportStmt* s, Exec& ex);
  bool exec_from_import(const FromImportStmt* s, Exec& ex);
  bool exec_autoescape(const AutoescapeStmt* s, Exec& ex);

  bool init_scope(const ScopeInfo& scope, Exec& ex);
  bool assign(const Target& target, const Value& value, Exec& ex, bool exported);
  bool emit(const Value& value, Exec& ex, const Node* at);
  bool capture_body(const Body& body, const ScopeInfo& scope, Exec& ex, std::string& out);
  Context* derive(Context* ctx, const LocalNames& locals, const Exec& ex);
  Context* new_context(Context* parent, const Template& tmpl);
  bool run_template(const Template& tmpl, Context* ctx, const Node* at, const Exec* caller);
  Result<Value> import_module(const Template& tmpl, bool with_context, const LocalNames& locals,
                              Exec& ex, const Node* at);
  bool load_template(const Value& name, const Exec& ex, const Node* at, bool ignore_missing,
                     const Template*& out);
  void record_use(const Template& tmpl);

  // expressions (evaluate.cpp)
  bool eval(const Expr* e, Exec& ex, Value& out);
  const Value* eval_ref(const Expr* e, Exec& ex, Value& tmp);
  // `loop.index` and its siblings (see GetattrExpr::loop_number) when `loop` is a loop, else
  // nullptr. Out of line: eval_ref stays small.
  [[gnu::noinline]] const Value* loop_number(const GetattrExpr* g, Exec& ex, Value& tmp);
  using PositionalArgs = SmallVector<Value, 6>;
  using KeywordArgs = SmallVector<Kwarg, 4>;
  bool eval_args(const CallArgs& args, Exec& ex, PositionalArgs& positional, KeywordArgs& keywords,
                 const Node* at);
  bool eval_filter(const FilterExpr* f, Exec& ex, Value& out);
  bool run_filter(const FilterExpr* f, Exec& ex, const Value& input, const Args& args, Value& out);
  bool eval_test(const TestExpr* t, Exec& ex, Value& out);
  // Calls `c`. With `streamed`, a macro's output goes straight into the current output (and
  // *streamed is set) instead of becoming a value: `{{ macro() }}` would print it verbatim.
  bool eval_call(const CallExpr* c, Exec& ex, Value& out, const Value* caller,
                 bool* streamed = nullptr);
  // The common macro call: every parameter given by position, nothing else (see
  // MacroDef::takes_by_position).
  // Its arguments are evaluated straight into the macro's frame.
  bool call_macro_by_position(MacroObject& macro, const CallExpr* c, Exec& ex, Value& out,
                              bool* streamed);
  bool eval_compare(const CompareExpr* c, Exec& ex, Value& out);
  bool eval_concat(const ConcatExpr* c, Exec& ex, Value& out);
  bool truth(const Value& v, Exec& ex, const Node* at, bool& out) {
    if (v.is_undefined() && env_.options().strict_undefined) return fail_undefined(ex, at, v);
    out = truthy(v);
    return true;
  }
  const Value* lookup_name(const NameExpr* n, Exec& ex);
  Value* slot(const NameRef& ref, Exec& ex);

  // errors
  bool fail(const Exec& ex, const Node* at, std::string_view message);
  bool fail(const Exec& ex, const Node* at, const Error& error);
  bool fail_undefined(const Exec& ex, const Node* at, const Value& undefined);

  // resources
  // What a call of `macro` with `frame` runs in: its context, template and escaping.
  static Exec macro_exec(const MacroObject& macro, Frame* frame);
  // Runs the body of a macro whose frame is ready, into `sink` (or else `buffer`); the frame's
  // arguments are made owned values if a macro defined inside keeps it.
  bool run_macro_body(const MacroDef& def, Exec& mex, std::string* sink, std::string& buffer);
  std::unique_ptr<Frame> new_frame(uint32_t size, Frame* parent);
  void release_frame(std::unique_ptr<Frame> frame);
  struct FrameHandle;
  struct Depth;

  const Environment& env_;
  RenderInfo* info_;
  std::string* out_ = nullptr;
  const Exec* current_ = nullptr;  // the code running, for CallContext queries
  bool failed_ = false;
  Error error_;
  int depth_ = 0;
  uint64_t iterations_ = 0;
  const Value* filter_body_ = nullptr;  // `{% filter %}` / `{% set %}` body for the chain
  std::string* macro_sink_ = nullptr;   // where the next macro call writes directly
  bool macro_streamed_ = false;         // the last macro call wrote into macro_sink_

  std::deque<Context> contexts_;
  std::deque<BlockTable> block_tables_;
  std::vector<std::unique_ptr<Frame>> free_frames_;
  std::vector<std::unique_ptr<Frame>> kept_frames_;
  std::vector<Value> adopted_;  // mutable objects, cleared at the end (cycles)
  std::vector<std::pair<const Template*, Value>> modules_;  // imports without context
  std::vector<Value> star_kwargs_keep_;  // **kwargs dicts whose keys name keyword arguments
};

}  // namespace gazette::templating
