#include "templating/resolver.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "templating/pyformat.hpp"

namespace gazette::templating {

namespace {

// ---- walking the tree ----

// Calls `fn` on every body directly inside `stmt` (not recursively).
template <class F>
void for_each_body(Stmt* stmt, F&& fn) {
  switch (stmt->kind) {
    case StmtKind::kIf: {
      auto* s = static_cast<IfStmt*>(stmt);
      for (auto& [test, body] : s->branches) fn(body);
      fn(s->otherwise);
      break;
    }
    case StmtKind::kFor:
      fn(static_cast<ForStmt*>(stmt)->body);
      fn(static_cast<ForStmt*>(stmt)->otherwise);
      break;
    case StmtKind::kSetBlock:
      fn(static_cast<SetBlockStmt*>(stmt)->body);
      break;
    case StmtKind::kMacro:
      fn(static_cast<MacroStmt*>(stmt)->def.body);
      break;
    case StmtKind::kCallBlock:
      fn(static_cast<CallBlockStmt*>(stmt)->def.body);
      break;
    case StmtKind::kFilterBlock:
      fn(static_cast<FilterBlockStmt*>(stmt)->body);
      break;
    case StmtKind::kWith:
      fn(static_cast<WithStmt*>(stmt)->body);
      break;
    case StmtKind::kBlock:
      fn(static_cast<BlockStmt*>(stmt)->body);
      break;
    case StmtKind::kAutoescape:
      fn(static_cast<AutoescapeStmt*>(stmt)->body);
      break;
    default:
      break;
  }
}

template <class F>
void walk_statements(Body& body, F&& fn) {
  for (Stmt* s : body) {
    fn(s);
    for_each_body(s, [&](Body& inner) { walk_statements(inner, fn); });
  }
}

// Jinja2's UndeclaredNameVisitor: which of `names` are read before being assigned, in tree
// order, not descending into blocks.
class UndeclaredFinder {
 public:
  explicit UndeclaredFinder(std::initializer_list<std::string_view> names) : names_(names) {}

  std::set<std::string_view> run(const Body& body) {
    for (const Stmt* s : body) stmt(s);
    return found_;
  }

 private:
  void load(std::string_view n) {
    if (std::find(names_.begin(), names_.end(), n) != names_.end()) found_.insert(n);
  }
  void store(std::string_view n) {
    names_.erase(std::remove(names_.begin(), names_.end(), n), names_.end());
  }
  void target(const Target& t) {
    if (t.kind == Target::Kind::kName) store(t.name);
    for (const Target& item : t.items) target(item);
  }
  void args(const CallArgs& a) {
    for (const Expr* e : a.positional) expr(e);
    for (const auto& [k, e] : a.keywords) expr(e);
    expr(a.star_args);
    expr(a.star_kwargs);
  }
  void body(const Body& b) {
    for (const Stmt* s : b) stmt(s);
  }
  void macro(const MacroDef& def) {
    for (const auto& p : def.params) store(p.name);
    for (const auto& p : def.params) expr(p.default_value);
    body(def.body);
  }

  void expr(const Expr* e) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::kConst:
        break;
      case ExprKind::kName:
        load(static_cast<const NameExpr*>(e)->name);
        break;
      case ExprKind::kGetattr:
        expr(static_cast<const GetattrExpr*>(e)->object);
        break;
      case ExprKind::kGetitem:
        expr(static_cast<const GetitemExpr*>(e)->object);
        expr(static_cast<const GetitemExpr*>(e)->key);
        break;
      case ExprKind::kSlice: {
        auto* s = static_cast<const SliceExpr*>(e);
        expr(s->object);
        expr(s->start);
        expr(s->stop);
        expr(s->step);
        break;
      }
      case ExprKind::kCall:
        expr(static_cast<const CallExpr*>(e)->callee);
        args(static_cast<const CallExpr*>(e)->args);
        break;
      case ExprKind::kFilter:
        expr(static_cast<const FilterExpr*>(e)->input);
        args(static_cast<const FilterExpr*>(e)->args);
        break;
      case ExprKind::kTest:
        expr(static_cast<const TestExpr*>(e)->input);
        args(static_cast<const TestExpr*>(e)->args);
        break;
      case ExprKind::kNeg:
      case ExprKind::kPos:
      case ExprKind::kNot:
        expr(static_cast<const UnaryExpr*>(e)->operand);
        break;
      case ExprKind::kBinary:
      case ExprKind::kAnd:
      case ExprKind::kOr:
        expr(static_cast<const BinaryExpr*>(e)->left);
        expr(static_cast<const BinaryExpr*>(e)->right);
        break;
      case ExprKind::kConcat:
        for (const Expr* item : static_cast<const ConcatExpr*>(e)->items) expr(item);
        break;
      case ExprKind::kCompare:
        expr(static_cast<const CompareExpr*>(e)->first);
        for (const auto& [op, item] : static_cast<const CompareExpr*>(e)->rest) expr(item);
        break;
      case ExprKind::kCondExpr: {
        auto* c = static_cast<const CondExpr*>(e);
        expr(c->test);
        expr(c->then);
        expr(c->otherwise);
        break;
      }
      case ExprKind::kList:
      case ExprKind::kTuple:
        for (const Expr* item : static_cast<const ListExpr*>(e)->items) expr(item);
        break;
      case ExprKind::kDict:
        for (const auto& [k, v] : static_cast<const DictExpr*>(e)->items) {
          expr(k);
          expr(v);
        }
        break;
    }
  }

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::kOutput:
        for (const auto& item : static_cast<const OutputStmt*>(s)->items) expr(item.expr);
        break;
      case StmtKind::kIf: {
        auto* n = static_cast<const IfStmt*>(s);
        for (const auto& [test, b] : n->branches) {
          expr(test);
          body(b);
        }
        body(n->otherwise);
        break;
      }
      case StmtKind::kFor: {
        auto* n = static_cast<const ForStmt*>(s);
        target(n->target);
        expr(n->iter);
        body(n->body);
        body(n->otherwise);
        expr(n->filter);
        break;
      }
      case StmtKind::kSet:
        target(static_cast<const SetStmt*>(s)->target);
        expr(static_cast<const SetStmt*>(s)->value);
        break;
      case StmtKind::kSetBlock: {
        auto* n = static_cast<const SetBlockStmt*>(s);
        target(n->target);
        expr(n->filter);
        body(n->body);
        break;
      }
      case StmtKind::kMacro:
        macro(static_cast<const MacroStmt*>(s)->def);
        break;
      case StmtKind::kCallBlock:
        expr(static_cast<const CallBlockStmt*>(s)->call);
        macro(static_cast<const CallBlockStmt*>(s)->def);
        break;
      case StmtKind::kFilterBlock:
        body(static_cast<const FilterBlockStmt*>(s)->body);
        expr(static_cast<const FilterBlockStmt*>(s)->filter);
        break;
      case StmtKind::kWith: {
        auto* n = static_cast<const WithStmt*>(s);
        for (const auto& [t, v] : n->assignments) target(t);
        for (const auto& [t, v] : n->assignments) expr(v);
        body(n->body);
        break;
      }
      case StmtKind::kBlock:
        break;
      case StmtKind::kExtends:
        expr(static_cast<const ExtendsStmt*>(s)->name);
        break;
      case StmtKind::kInclude:
        expr(static_cast<const IncludeStmt*>(s)->name);
        break;
      case StmtKind::kImport:
        expr(static_cast<const ImportStmt*>(s)->name);
        break;
      case StmtKind::kFromImport:
        expr(static_cast<const FromImportStmt*>(s)->name);
        break;
      case StmtKind::kAutoescape:
        expr(static_cast<const AutoescapeStmt*>(s)->value);
        body(static_cast<const AutoescapeStmt*>(s)->body);
        break;
    }
  }

  std::vector<std::string_view> names_;
  std::set<std::string_view> found_;
};

// ---- symbols ----

struct FunctionCtx {
  uint32_t next_slot = 0;
};

struct Symbols {
  Symbols* parent = nullptr;
  FunctionCtx* fn = nullptr;
  bool function_root = false;
  ScopeInfo* info = nullptr;
  std::vector<std::pair<std::string_view, uint32_t>> refs;
  std::vector<std::string_view> stores;

  Symbols(Symbols* p, FunctionCtx* f, bool root, ScopeInfo* i)
      : parent(p), fn(f), function_root(root), info(i) {
    info->first_slot = fn->next_slot;
  }
  ~Symbols() { info->end_slot = fn->next_slot; }

  std::optional<uint32_t> local(std::string_view name) const {
    for (const auto& [n, slot] : refs) {
      if (n == name) return slot;
    }
    return std::nullopt;
  }

  std::optional<NameRef> find_ref(std::string_view name) const {
    uint16_t up = 0;
    for (const Symbols* s = this; s; s = s->parent) {
      if (auto slot = s->local(name)) return NameRef{NameRef::Where::kSlot, up, *slot};
      if (s->function_root) ++up;
    }
    return std::nullopt;
  }

  uint32_t declare(std::string_view name, bool param) {
    if (auto slot = local(name)) return *slot;
    uint32_t slot = fn->next_slot++;
    refs.emplace_back(name, slot);
    stores.push_back(name);
    if (!param) {
      SlotInit init;
      init.slot = slot;
      init.name = name;
      if (parent) {
        if (auto outer = parent->find_ref(name)) {
          init.from_outer = true;
          init.outer = *outer;
          if (function_root) ++init.outer.up;
        }
      }
      info->inits.push_back(init);
    }
    return slot;
  }

  NameRef ref(std::string_view name) const {
    if (auto r = find_ref(name)) return *r;
    return NameRef{};
  }
};

struct State {
  Symbols* sym;
  bool toplevel;       // template level (not inside loops, macros, blocks…)
  bool soft;           // inside `if`: unknown filters and tests fail only when used
  bool root_function;  // the template's own code (not a macro, block or set-block body)
};

class Resolver {
 public:
  Resolver(TemplateAst& ast, const Registry& registry, SyntaxError& error)
      : ast_(ast), registry_(registry), error_(error) {}

  bool run() {
    walk_statements(ast_.body, [&](Stmt* s) {
      if (s->kind == StmtKind::kExtends) ast_.has_extends = true;
      if (s->kind == StmtKind::kBlock) {
        auto* b = static_cast<BlockStmt*>(s);
        if (ast_.find_block(b->name)) {
          fail("block " + quoted(b->name) + " defined twice", b->offset);
        } else {
          ast_.blocks.push_back(b);
        }
      }
    });
    if (failed_) return false;
    FunctionCtx fn;
    {
      Symbols root(nullptr, &fn, true, &ast_.scope);
      if (UndeclaredFinder({"self"}).run(ast_.body).count("self")) {
        ast_.uses_self = true;
        ast_.self_slot = root.declare("self", true);
      }
      prescan(ast_.body, root);
      resolve_body(ast_.body, State{&root, true, false, true});
    }
    ast_.frame_size = fn.next_slot;
    return !failed_;
  }

 private:
  static std::string quoted(std::string_view s) {
    std::string out;
    python_repr_string(s, out);
    return out;
  }

  void fail(std::string message, uint32_t offset) {
    if (failed_) return;
    failed_ = true;
    error_.offset = offset;
    error_.message = std::move(message);
  }

  // Declares the names a scope assigns (not descending into nested scopes).
  void prescan(Body& body, Symbols& sym) {
    for (Stmt* s : body) {
      switch (s->kind) {
        case StmtKind::kSet:
          declare_target(static_cast<SetStmt*>(s)->target, sym, false);
          break;
        case StmtKind::kSetBlock:
          declare_target(static_cast<SetBlockStmt*>(s)->target, sym, false);
          break;
        case StmtKind::kMacro:
          sym.declare(static_cast<MacroStmt*>(s)->def.name, false);
          break;
        case StmtKind::kImport:
          declare_target(static_cast<ImportStmt*>(s)->target, sym, false);
          break;
        case StmtKind::kFromImport:
          for (auto& imported : static_cast<FromImportStmt*>(s)->names)
            declare_target(imported.target, sym, false);
          break;
        case StmtKind::kIf: {
          auto* n = static_cast<IfStmt*>(s);
          for (auto& [test, b] : n->branches) prescan(b, sym);
          prescan(n->otherwise, sym);
          break;
        }
        default:
          break;
      }
    }
  }

  void declare_target(Target& t, Symbols& sym, bool param) {
    if (t.kind == Target::Kind::kName) {
      t.ref = NameRef{NameRef::Where::kSlot, 0, sym.declare(t.name, param)};
    }
    for (Target& item : t.items) declare_target(item, sym, param);
  }

  // Binds an assignment target whose names the scope already declared.
  void bind_target(Target& t, const Symbols& sym) {
    if (t.kind == Target::Kind::kName || t.kind == Target::Kind::kNamespaceAttr) {
      t.ref = sym.ref(t.name);
    }
    for (Target& item : t.items) bind_target(item, sym);
  }

  LocalNames dump_locals(const Symbols& sym) {
    LocalNames out;
    for (const Symbols* s = &sym; s; s = s->parent) {
      for (std::string_view name : s->stores) {
        bool seen = false;
        for (const auto& [n, r] : out) seen = seen || n == name;
        if (!seen) out.emplace_back(name, sym.ref(name));
      }
    }
    return out;
  }

  void resolve_body(Body& body, const State& st) {
    for (Stmt* s : body) {
      if (failed_) return;
      resolve_stmt(s, st);
    }
  }

  void resolve_args(CallArgs& args, const State& st) {
    for (Expr* e : args.positional) resolve_expr(e, st);
    for (auto& [k, e] : args.keywords) resolve_expr(e, st);
    if (args.star_args) resolve_expr(args.star_args, st);
    if (args.star_kwargs) resolve_expr(args.star_kwargs, st);
    // Literal arguments are evaluated once, here.
    bool literal = !args.star_args && !args.star_kwargs;
    for (Expr* e : args.positional) literal = literal && e->kind == ExprKind::kConst;
    for (auto& [k, e] : args.keywords) literal = literal && e->kind == ExprKind::kConst;
    if (!literal) return;
    std::vector<std::string_view> seen;
    for (auto& [k, e] : args.keywords) {
      if (std::find(seen.begin(), seen.end(), k) != seen.end()) return;  // repeated: the
      seen.push_back(k);                                                 // error comes later
    }
    args.constant = true;
    for (Expr* e : args.positional)
      args.constant_positional.push_back(static_cast<ConstExpr*>(e)->value);
    for (auto& [k, e] : args.keywords)
      args.constant_keywords.push_back(Kwarg{k, static_cast<ConstExpr*>(e)->value});
  }

  void resolve_expr(Expr* e, const State& st) {
    if (!e || failed_) return;
    switch (e->kind) {
      case ExprKind::kConst:
        break;
      case ExprKind::kName: {
        auto* n = static_cast<NameExpr*>(e);
        n->ref = st.sym->ref(n->name);
        break;
      }
      case ExprKind::kGetattr:
        resolve_expr(static_cast<GetattrExpr*>(e)->object, st);
        break;
      case ExprKind::kGetitem:
        resolve_expr(static_cast<GetitemExpr*>(e)->object, st);
        resolve_expr(static_cast<GetitemExpr*>(e)->key, st);
        break;
      case ExprKind::kSlice: {
        auto* s = static_cast<SliceExpr*>(e);
        resolve_expr(s->object, st);
        resolve_expr(s->start, st);
        resolve_expr(s->stop, st);
        resolve_expr(s->step, st);
        break;
      }
      case ExprKind::kCall:
        resolve_expr(static_cast<CallExpr*>(e)->callee, st);
        resolve_args(static_cast<CallExpr*>(e)->args, st);
        break;
      case ExprKind::kFilter: {
        auto* f = static_cast<FilterExpr*>(e);
        resolve_expr(f->input, st);
        resolve_args(f->args, st);
        f->filter = registry_.filter(f->name);
        if (!f->filter && !st.soft) fail("No filter named " + quoted(f->name) + ".", f->offset);
        break;
      }
      case ExprKind::kTest: {
        auto* t = static_cast<TestExpr*>(e);
        resolve_expr(t->input, st);
        resolve_args(t->args, st);
        t->test = registry_.test(t->name);
        if (!t->test && !st.soft) fail("No test named " + quoted(t->name) + ".", t->offset);
        break;
      }
      case ExprKind::kNeg:
      case ExprKind::kPos:
      case ExprKind::kNot:
        resolve_expr(static_cast<UnaryExpr*>(e)->operand, st);
        break;
      case ExprKind::kBinary:
      case ExprKind::kAnd:
      case ExprKind::kOr:
        resolve_expr(static_cast<BinaryExpr*>(e)->left, st);
        resolve_expr(static_cast<BinaryExpr*>(e)->right, st);
        break;
      case ExprKind::kConcat: {
        auto* c = static_cast<ConcatExpr*>(e);
        for (Expr* item : c->items) resolve_expr(item, st);
        c->constant = true;
        for (const Expr* item : c->items) c->constant = c->constant && is_constant(item);
        break;
      }
      case ExprKind::kCompare:
        resolve_expr(static_cast<CompareExpr*>(e)->first, st);
        for (auto& [op, item] : static_cast<CompareExpr*>(e)->rest) resolve_expr(item, st);
        break;
      case ExprKind::kCondExpr: {
        auto* c = static_cast<CondExpr*>(e);
        State soft = st;
        soft.soft = true;
        resolve_expr(c->then, soft);
        resolve_expr(c->test, soft);
        resolve_expr(c->otherwise, soft);
        break;
      }
      case ExprKind::kList:
      case ExprKind::kTuple:
        for (Expr* item : static_cast<ListExpr*>(e)->items) resolve_expr(item, st);
        break;
      case ExprKind::kDict:
        for (auto& [k, v] : static_cast<DictExpr*>(e)->items) {
          resolve_expr(k, st);
          resolve_expr(v, st);
        }
        break;
    }
  }

  // Whether Jinja2's optimizer would fold the expression to a constant (Node.as_const): literals
  // and operators, attributes, items, tests and filters (except those that take the render
  // context) of constants; never names or calls.
  bool is_constant(const Expr* e) const {
    if (!e) return true;
    switch (e->kind) {
      case ExprKind::kConst:
        return true;
      case ExprKind::kName:
      case ExprKind::kCall:
        return false;
      case ExprKind::kGetattr:
        return is_constant(static_cast<const GetattrExpr*>(e)->object);
      case ExprKind::kGetitem:
        return is_constant(static_cast<const GetitemExpr*>(e)->object) &&
               is_constant(static_cast<const GetitemExpr*>(e)->key);
      case ExprKind::kSlice: {
        auto* s = static_cast<const SliceExpr*>(e);
        return is_constant(s->object) && is_constant(s->start) && is_constant(s->stop) &&
               is_constant(s->step);
      }
      case ExprKind::kFilter: {
        auto* f = static_cast<const FilterExpr*>(e);
        static constexpr std::string_view kContextFilters[] = {
            "map", "select", "reject", "selectattr", "rejectattr", "random"};
        for (std::string_view n : kContextFilters) {
          if (f->name == n) return false;
        }
        return f->filter && f->input && is_constant(f->input) && constant_args(f->args);
      }
      case ExprKind::kTest: {
        auto* t = static_cast<const TestExpr*>(e);
        return t->test && is_constant(t->input) && constant_args(t->args);
      }
      case ExprKind::kNeg:
      case ExprKind::kPos:
      case ExprKind::kNot:
        return is_constant(static_cast<const UnaryExpr*>(e)->operand);
      case ExprKind::kBinary:
      case ExprKind::kAnd:
      case ExprKind::kOr:
        return is_constant(static_cast<const BinaryExpr*>(e)->left) &&
               is_constant(static_cast<const BinaryExpr*>(e)->right);
      case ExprKind::kConcat:
        return static_cast<const ConcatExpr*>(e)->constant;
      case ExprKind::kCompare: {
        auto* c = static_cast<const CompareExpr*>(e);
        bool all = is_constant(c->first);
        for (const auto& [op, item] : c->rest) all = all && is_constant(item);
        return all;
      }
      case ExprKind::kCondExpr: {
        auto* c = static_cast<const CondExpr*>(e);
        return c->otherwise && is_constant(c->test) && is_constant(c->then) &&
               is_constant(c->otherwise);
      }
      case ExprKind::kList:
      case ExprKind::kTuple: {
        for (const Expr* item : static_cast<const ListExpr*>(e)->items) {
          if (!is_constant(item)) return false;
        }
        return true;
      }
      case ExprKind::kDict: {
        for (const auto& [k, v] : static_cast<const DictExpr*>(e)->items) {
          if (!is_constant(k) || !is_constant(v)) return false;
        }
        return true;
      }
    }
    return false;
  }

  bool constant_args(const CallArgs& args) const {
    for (const Expr* a : args.positional) {
      if (!is_constant(a)) return false;
    }
    for (const auto& [k, a] : args.keywords) {
      if (!is_constant(a)) return false;
    }
    return is_constant(args.star_args) && is_constant(args.star_kwargs);
  }

  static bool has_scoped_block(Stmt* stmt) {
    bool found = false;
    for_each_body(stmt, [&](Body& b) {
      walk_statements(b, [&](Stmt* s) {
        if (s->kind == StmtKind::kBlock && static_cast<BlockStmt*>(s)->scoped) found = true;
      });
    });
    return found;
  }

  static bool target_has(const Target& t, std::string_view name) {
    if (t.kind == Target::Kind::kName && t.name == name) return true;
    for (const Target& item : t.items) {
      if (target_has(item, name)) return true;
    }
    return false;
  }

  void resolve_macro(MacroDef& def, const State& st) {
    FunctionCtx fn;
    {
      Symbols ms(st.sym, &fn, true, &def.scope);
      std::optional<size_t> explicit_caller;
      bool param_kwargs = false, param_varargs = false;
      for (size_t i = 0; i < def.params.size(); ++i) {
        auto& p = def.params[i];
        if (p.name == "caller") explicit_caller = i;
        if (p.name == "kwargs") param_kwargs = true;
        if (p.name == "varargs") param_varargs = true;
        p.slot = ms.declare(p.name, true);
      }
      def.explicit_caller = explicit_caller.has_value();
      auto undeclared = UndeclaredFinder({"caller", "kwargs", "varargs"}).run(def.body);
      if (undeclared.count("caller")) {
        if (explicit_caller) {
          if (!def.params[*explicit_caller].default_value) {
            fail(
                "When defining macros or call blocks the special \"caller\" argument must be "
                "omitted or be given a default.",
                def.offset);
            return;
          }
        } else {
          def.caller_slot = ms.declare("caller", true);
        }
        def.accepts_caller = true;
      }
      if (undeclared.count("kwargs") && !param_kwargs) {
        def.kwargs_slot = ms.declare("kwargs", true);
        def.catch_kwargs = true;
      }
      if (undeclared.count("varargs") && !param_varargs) {
        def.varargs_slot = ms.declare("varargs", true);
        def.catch_varargs = true;
      }
      prescan(def.body, ms);
      State inner{&ms, false, false, false};
      for (auto& p : def.params) resolve_expr(p.default_value, inner);
      resolve_body(def.body, inner);
    }
    def.frame_size = fn.next_slot;
  }

  void resolve_stmt(Stmt* stmt, const State& st) {
    switch (stmt->kind) {
      case StmtKind::kOutput: {
        auto* s = static_cast<OutputStmt*>(stmt);
        for (auto& item : s->items) resolve_expr(item.expr, st);
        s->guard = ast_.has_extends && st.root_function;
        break;
      }
      case StmtKind::kIf: {
        auto* s = static_cast<IfStmt*>(stmt);
        State soft = st;
        soft.soft = true;
        for (auto& [test, body] : s->branches) {
          resolve_expr(test, soft);
          resolve_body(body, soft);
        }
        resolve_body(s->otherwise, soft);
        break;
      }
      case StmtKind::kFor: {
        auto* s = static_cast<ForStmt*>(stmt);
        if (target_has(s->target, "loop")) {
          fail("Can't assign to special loop variable in for-loop target", s->target.offset);
          return;
        }
        resolve_expr(s->iter, st);
        if (s->filter) {
          Symbols test(st.sym, st.sym->fn, false, &s->test_scope);
          s->test_target = s->target;
          declare_target(s->test_target, test, true);
          resolve_expr(s->filter, State{&test, false, false, st.root_function});
        }
        s->loop_object = s->recursive || UndeclaredFinder({"loop"}).run(s->body).count("loop") ||
                         has_scoped_block(s);
        {
          Symbols body(st.sym, st.sym->fn, false, &s->body_scope);
          if (s->loop_object) s->loop_slot = body.declare("loop", true);
          declare_target(s->target, body, true);
          prescan(s->body, body);
          resolve_body(s->body, State{&body, false, false, st.root_function});
        }
        {
          Symbols otherwise(st.sym, st.sym->fn, false, &s->else_scope);
          prescan(s->otherwise, otherwise);
          resolve_body(s->otherwise, State{&otherwise, false, false, st.root_function});
        }
        break;
      }
      case StmtKind::kSet: {
        auto* s = static_cast<SetStmt*>(stmt);
        resolve_expr(s->value, st);
        bind_target(s->target, *st.sym);
        s->exported = st.toplevel;
        break;
      }
      case StmtKind::kSetBlock: {
        auto* s = static_cast<SetBlockStmt*>(stmt);
        {
          Symbols inner(st.sym, st.sym->fn, false, &s->scope);
          prescan(s->body, inner);
          State in{&inner, false, false, false};
          resolve_body(s->body, in);
          resolve_expr(s->filter, in);
        }
        bind_target(s->target, *st.sym);
        s->exported = st.toplevel;
        break;
      }
      case StmtKind::kMacro: {
        auto* s = static_cast<MacroStmt*>(stmt);
        s->target = st.sym->ref(s->def.name);
        s->exported = st.toplevel;
        resolve_macro(s->def, st);
        break;
      }
      case StmtKind::kCallBlock: {
        auto* s = static_cast<CallBlockStmt*>(stmt);
        resolve_expr(s->call, st);
        resolve_macro(s->def, st);
        break;
      }
      case StmtKind::kFilterBlock: {
        auto* s = static_cast<FilterBlockStmt*>(stmt);
        Symbols inner(st.sym, st.sym->fn, false, &s->scope);
        prescan(s->body, inner);
        State in{&inner, false, false, st.root_function};
        resolve_body(s->body, in);
        resolve_expr(s->filter, in);
        break;
      }
      case StmtKind::kWith: {
        auto* s = static_cast<WithStmt*>(stmt);
        for (auto& [target, value] : s->assignments) resolve_expr(value, st);
        Symbols inner(st.sym, st.sym->fn, false, &s->scope);
        for (auto& [target, value] : s->assignments) declare_target(target, inner, true);
        prescan(s->body, inner);
        resolve_body(s->body, State{&inner, false, false, st.root_function});
        break;
      }
      case StmtKind::kBlock: {
        auto* s = static_cast<BlockStmt*>(stmt);
        s->guard = st.toplevel && ast_.has_extends;
        if (s->scoped) s->locals = dump_locals(*st.sym);
        FunctionCtx fn;
        {
          Symbols bs(nullptr, &fn, true, &s->scope);
          auto undeclared = UndeclaredFinder({"self", "super"}).run(s->body);
          if (undeclared.count("self")) {
            s->uses_self = true;
            s->self_slot = bs.declare("self", true);
          }
          if (undeclared.count("super")) {
            s->uses_super = true;
            s->super_slot = bs.declare("super", true);
          }
          prescan(s->body, bs);
          resolve_body(s->body, State{&bs, false, false, false});
        }
        s->frame_size = fn.next_slot;
        break;
      }
      case StmtKind::kExtends: {
        auto* s = static_cast<ExtendsStmt*>(stmt);
        if (!st.toplevel) {
          fail("cannot use extend from a non top-level scope", s->offset);
          return;
        }
        resolve_expr(s->name, st);
        break;
      }
      case StmtKind::kInclude: {
        auto* s = static_cast<IncludeStmt*>(stmt);
        resolve_expr(s->name, st);
        if (s->with_context) s->locals = dump_locals(*st.sym);
        break;
      }
      case StmtKind::kImport: {
        auto* s = static_cast<ImportStmt*>(stmt);
        resolve_expr(s->name, st);
        if (s->with_context) s->locals = dump_locals(*st.sym);
        bind_target(s->target, *st.sym);
        s->exported = st.toplevel;
        break;
      }
      case StmtKind::kFromImport: {
        auto* s = static_cast<FromImportStmt*>(stmt);
        resolve_expr(s->name, st);
        if (s->with_context) s->locals = dump_locals(*st.sym);
        for (auto& imported : s->names) bind_target(imported.target, *st.sym);
        s->exported = st.toplevel;
        break;
      }
      case StmtKind::kAutoescape: {
        auto* s = static_cast<AutoescapeStmt*>(stmt);
        Symbols inner(st.sym, st.sym->fn, false, &s->scope);
        State in{&inner, false, false, st.root_function};
        resolve_expr(s->value, in);
        prescan(s->body, inner);
        resolve_body(s->body, in);
        break;
      }
    }
  }

  TemplateAst& ast_;
  const Registry& registry_;
  SyntaxError& error_;
  bool failed_ = false;
};

}  // namespace

bool resolve(TemplateAst& ast, const Registry& registry, SyntaxError& error) {
  Resolver resolver(ast, registry, error);
  return resolver.run();
}

}  // namespace gazette::templating
