// The syntax tree of a template, as the parser builds it and the resolver annotates it
// (names bound to frame slots, filters and tests bound to their functions, scope set-up), so
// that rendering walks it without looking anything up by name except context variables.
// Nodes live in the template's arena and are immutable once the template is compiled.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "templating/call.hpp"
#include "templating/ops.hpp"
#include "templating/value.hpp"

namespace gazette::templating {

struct Node {
  virtual ~Node() = default;
  uint32_t offset = 0;  // byte offset in the template source, for error positions
};

// Where a name's value lives: a slot of a frame (`up` frames out: macros see the frames they
// were defined in), or the template context (looked up by name when used).
struct NameRef {
  enum class Where : uint8_t { kContext, kSlot };
  Where where = Where::kContext;
  uint16_t up = 0;
  uint32_t slot = 0;
};

// ---- expressions ----

enum class ExprKind : uint8_t {
  kConst,
  kName,
  kGetattr,
  kGetitem,
  kSlice,
  kCall,
  kFilter,
  kTest,
  kNeg,
  kPos,
  kNot,
  kBinary,
  kAnd,
  kOr,
  kConcat,
  kCompare,
  kCondExpr,
  kList,
  kTuple,
  kDict,
};

struct Expr : Node {
  explicit Expr(ExprKind k) : kind(k) {}
  ExprKind kind;
};

struct ConstExpr : Expr {
  ConstExpr() : Expr(ExprKind::kConst) {}
  Value value;
};

struct NameExpr : Expr {
  NameExpr() : Expr(ExprKind::kName) {}
  std::string_view name;
  uint32_t hash = 0;  // Value::hash_key(name), for dict lookups
  NameRef ref;
};

// The numbers of a loop's position, as `loop.index` and its siblings give them.
enum class LoopNumber : int8_t { kIndex, kIndex0, kRevindex, kRevindex0, kFirst, kLast, kLength };
// The LoopNumber that `loop.<name>` is, or -1.
inline int loop_number_of(std::string_view name) {
  static constexpr std::string_view kNames[] = {"index", "index0", "revindex", "revindex0",
                                                "first", "last",   "length"};
  for (int i = 0; i < 7; ++i) {
    if (name == kNames[i]) return i;
  }
  return -1;
}

struct GetattrExpr : Expr {
  GetattrExpr() : Expr(ExprKind::kGetattr) {}
  Expr* object = nullptr;
  std::string_view name;
  uint32_t hash = 0;              // Value::hash_key(name)
  bool dict_method = false;       // items/keys/values/get/copy: on a dict, the method wins
  std::optional<KeyProbe> probe;  // for dict lookups of `name`
  // `loop.index` and the other numbers of a loop's position (LoopNumber), or -1: computed
  // without the general attribute lookup when `loop` is a loop.
  int8_t loop_number = -1;
};

struct GetitemExpr : Expr {
  GetitemExpr() : Expr(ExprKind::kGetitem) {}
  Expr* object = nullptr;
  Expr* key = nullptr;
};

struct SliceExpr : Expr {
  SliceExpr() : Expr(ExprKind::kSlice) {}
  Expr* object = nullptr;
  Expr* start = nullptr;  // each may be null
  Expr* stop = nullptr;
  Expr* step = nullptr;
};

// Arguments as written at a call, filter or test.
struct CallArgs {
  std::vector<Expr*> positional;
  std::vector<std::pair<std::string_view, Expr*>> keywords;
  Expr* star_args = nullptr;    // *args
  Expr* star_kwargs = nullptr;  // **kwargs
  // When every argument is a literal (`replace("a", "b")`), their values, made once.
  bool constant = false;
  std::vector<Value> constant_positional;
  std::vector<Kwarg> constant_keywords;
};

struct CallExpr : Expr {
  CallExpr() : Expr(ExprKind::kCall) {}
  Expr* callee = nullptr;
  CallArgs args;
};

struct FilterEntry;
struct TestEntry;

struct FilterExpr : Expr {
  FilterExpr() : Expr(ExprKind::kFilter) {}
  Expr* input = nullptr;  // null in `{% filter %}` blocks and `{% set x | f %}`: the body
  std::string_view name;
  const FilterEntry* filter = nullptr;  // null when unknown (an error when evaluated)
  CallArgs args;
};

struct TestExpr : Expr {
  TestExpr() : Expr(ExprKind::kTest) {}
  Expr* input = nullptr;
  std::string_view name;
  const TestEntry* test = nullptr;
  CallArgs args;
};

struct UnaryExpr : Expr {
  explicit UnaryExpr(ExprKind k = ExprKind::kNot) : Expr(k) {}  // kNeg, kPos, kNot
  Expr* operand = nullptr;
};

struct BinaryExpr : Expr {
  explicit BinaryExpr(ExprKind k = ExprKind::kBinary)
      : Expr(k) {}  // kBinary (with `op`), kAnd, kOr
  BinaryOp op = BinaryOp::kAdd;
  Expr* left = nullptr;
  Expr* right = nullptr;
};

struct ConcatExpr : Expr {
  ConcatExpr() : Expr(ExprKind::kConcat) {}
  std::vector<Expr*> items;
  // All items are constants: Jinja2's optimizer folds the concatenation at compile time with
  // str() (Markup parts lose their mark), and so does gazette.
  bool constant = false;
};

enum class CompareOp : uint8_t { kEq, kNe, kLt, kLtEq, kGt, kGtEq, kIn, kNotIn };

struct CompareExpr : Expr {
  CompareExpr() : Expr(ExprKind::kCompare) {}
  Expr* first = nullptr;
  std::vector<std::pair<CompareOp, Expr*>> rest;
};

struct CondExpr : Expr {
  CondExpr() : Expr(ExprKind::kCondExpr) {}
  Expr* test = nullptr;
  Expr* then = nullptr;
  Expr* otherwise = nullptr;  // may be null: undefined when the test is false
};

struct ListExpr : Expr {
  explicit ListExpr(ExprKind k = ExprKind::kList) : Expr(k) {}  // kList or kTuple
  std::vector<Expr*> items;
};

struct DictExpr : Expr {
  DictExpr() : Expr(ExprKind::kDict) {}
  std::vector<std::pair<Expr*, Expr*>> items;
};

// ---- assignment targets ----

// A name, a (nested) tuple of names, or `namespace.attribute`.
struct Target {
  enum class Kind : uint8_t { kName, kTuple, kNamespaceAttr };
  Kind kind = Kind::kName;
  uint32_t offset = 0;
  std::string_view name;       // kName; kNamespaceAttr: the namespace variable
  std::string_view attribute;  // kNamespaceAttr
  NameRef ref;                 // kName: the slot; kNamespaceAttr: the namespace variable
  std::vector<Target> items;   // kTuple
};

// ---- statements ----

enum class StmtKind : uint8_t {
  kOutput,
  kIf,
  kFor,
  kSet,
  kSetBlock,
  kMacro,
  kCallBlock,
  kFilterBlock,
  kWith,
  kBlock,
  kExtends,
  kInclude,
  kImport,
  kFromImport,
  kAutoescape,
};

struct Stmt : Node {
  explicit Stmt(StmtKind k) : kind(k) {}
  StmtKind kind;
};

using Body = std::vector<Stmt*>;

// How a scope's assigned names start out when the scope is entered: a copy of the same name
// in an enclosing scope, or the context's value of it.
struct SlotInit {
  uint32_t slot = 0;
  std::string_view name;
  bool from_outer = false;
  NameRef outer;
};

// A scope: a template, block, macro, loop body, `with` body… Its slots (and its nested
// scopes') are the contiguous range [first_slot, end_slot) of its function's frame.
struct ScopeInfo {
  uint32_t first_slot = 0;
  uint32_t end_slot = 0;
  std::vector<SlotInit> inits;
};

// The names of the local variables visible at a statement, for contexts derived from the
// current one (include / import with context, scoped blocks).
using LocalNames = std::vector<std::pair<std::string_view, NameRef>>;

// Literal text and `{{ expressions }}`.
struct OutputStmt : Stmt {
  OutputStmt() : Stmt(StmtKind::kOutput) {}
  struct Item {
    std::string_view text;  // template data when `expr` is null
    Expr* expr = nullptr;
  };
  std::vector<Item> items;
  bool guard = false;  // skipped once the template has extended another (child templates)
};

struct IfStmt : Stmt {
  IfStmt() : Stmt(StmtKind::kIf) {}
  std::vector<std::pair<Expr*, Body>> branches;  // if, elif…
  Body otherwise;
};

struct ForStmt : Stmt {
  ForStmt() : Stmt(StmtKind::kFor) {}
  Target target;
  Expr* iter = nullptr;
  Expr* filter = nullptr;  // `for x in xs if test`
  bool recursive = false;
  Body body;
  Body otherwise;
  ScopeInfo body_scope;
  ScopeInfo else_scope;
  ScopeInfo test_scope;
  Target test_target;        // the target as bound in the filter's scope
  bool loop_object = false;  // the body uses `loop` (or the loop is recursive)
  uint32_t loop_slot = 0;
};

struct SetStmt : Stmt {
  SetStmt() : Stmt(StmtKind::kSet) {}
  Target target;
  Expr* value = nullptr;
  bool exported = false;  // a template-level assignment: also a context variable
};

struct SetBlockStmt : Stmt {
  SetBlockStmt() : Stmt(StmtKind::kSetBlock) {}
  Target target;
  FilterExpr* filter = nullptr;  // the filter chain, whose innermost input is the body
  Body body;
  ScopeInfo scope;
  bool exported = false;
};

// A macro or the body of a call block.
struct MacroDef {
  std::string_view name;  // "caller" for call blocks
  struct Param {
    std::string_view name;
    uint32_t slot = 0;
    Expr* default_value = nullptr;
  };
  std::vector<Param> params;
  Body body;
  ScopeInfo scope;
  uint32_t frame_size = 0;
  bool catch_kwargs = false, catch_varargs = false, accepts_caller = false;
  bool explicit_caller = false;  // `caller` is one of the params
  uint32_t caller_slot = 0, varargs_slot = 0, kwargs_slot = 0;
  uint32_t offset = 0;

  // Whether `positional` arguments and no keywords give every parameter and leave nothing to
  // collect or default: the common call, which needs no matching.
  bool takes_by_position(size_t positional) const {
    return positional == params.size() && !catch_kwargs && !catch_varargs && !accepts_caller;
  }
};

struct MacroStmt : Stmt {
  MacroStmt() : Stmt(StmtKind::kMacro) {}
  MacroDef def;
  NameRef target;
  bool exported = false;
};

struct CallBlockStmt : Stmt {
  CallBlockStmt() : Stmt(StmtKind::kCallBlock) {}
  CallExpr* call = nullptr;
  MacroDef def;
};

struct FilterBlockStmt : Stmt {
  FilterBlockStmt() : Stmt(StmtKind::kFilterBlock) {}
  FilterExpr* filter = nullptr;
  Body body;
  ScopeInfo scope;
};

struct WithStmt : Stmt {
  WithStmt() : Stmt(StmtKind::kWith) {}
  std::vector<std::pair<Target, Expr*>> assignments;
  Body body;
  ScopeInfo scope;
};

struct BlockStmt : Stmt {
  BlockStmt() : Stmt(StmtKind::kBlock) {}
  std::string_view name;
  bool scoped = false;
  bool required = false;
  bool guard = false;  // a template-level block placement in a template that extends
  Body body;
  ScopeInfo scope;
  uint32_t frame_size = 0;
  bool uses_self = false, uses_super = false;
  uint32_t self_slot = 0, super_slot = 0;
  LocalNames locals;  // for scoped blocks
};

struct ExtendsStmt : Stmt {
  ExtendsStmt() : Stmt(StmtKind::kExtends) {}
  Expr* name = nullptr;
};

struct IncludeStmt : Stmt {
  IncludeStmt() : Stmt(StmtKind::kInclude) {}
  Expr* name = nullptr;
  bool ignore_missing = false;
  bool with_context = true;
  LocalNames locals;
};

struct ImportStmt : Stmt {
  ImportStmt() : Stmt(StmtKind::kImport) {}
  Expr* name = nullptr;
  Target target;
  bool with_context = false;
  bool exported = false;
  LocalNames locals;
};

struct FromImportStmt : Stmt {
  FromImportStmt() : Stmt(StmtKind::kFromImport) {}
  Expr* name = nullptr;
  struct Imported {
    std::string_view name;
    Target target;
  };
  std::vector<Imported> names;
  bool with_context = false;
  bool exported = false;
  LocalNames locals;
};

struct AutoescapeStmt : Stmt {
  AutoescapeStmt() : Stmt(StmtKind::kAutoescape) {}
  Expr* value = nullptr;
  Body body;
  ScopeInfo scope;
};

// A parsed and resolved template body.
struct TemplateAst {
  std::vector<std::unique_ptr<Node>> arena;
  std::deque<std::string> strings;  // joined string literals, dotted filter names
  Body body;
  ScopeInfo scope;
  uint32_t frame_size = 0;
  bool uses_self = false;
  uint32_t self_slot = 0;
  bool has_extends = false;
  std::vector<const BlockStmt*> blocks;  // every block of the template, by name lookup
  std::vector<const MacroDef*> macros;   // for the arena owners

  template <class T>
  T* make(uint32_t offset) {
    auto node = std::make_unique<T>();
    node->offset = offset;
    T* raw = node.get();
    arena.push_back(std::move(node));
    return raw;
  }
  const BlockStmt* find_block(std::string_view name) const {
    for (const BlockStmt* b : blocks) {
      if (b->name == name) return b;
    }
    return nullptr;
  }
};

}  // namespace gazette::templating
