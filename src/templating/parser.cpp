#include "templating/parser.hpp"

#include <set>
#include <string>

#include "templating/pyformat.hpp"

namespace gazette::templating {

namespace {

// Thrown nowhere: parse functions return nullptr / false after recording the error.
class Parser {
 public:
  Parser(const std::vector<Token>& tokens, TemplateAst& ast, SyntaxError& error)
      : tokens_(tokens), ast_(ast), error_(error) {}

  bool run() {
    auto body = subparse({});
    if (!body) return false;
    ast_.body = std::move(*body);
    return true;
  }

 private:
  using EndTokens = std::vector<std::string_view>;

  // ---- token stream ----

  const Token& current() const { return tokens_[pos_]; }
  const Token& look() const { return tokens_[std::min(pos_ + 1, tokens_.size() - 1)]; }
  const Token& next() {
    const Token& t = tokens_[pos_];
    if (t.type != TokenType::kEof) ++pos_;
    return t;
  }
  bool at(TokenType type) const { return current().type == type; }
  static bool is_name(const Token& t, std::string_view name) {
    return t.type == TokenType::kName && t.text == name;
  }
  bool at_name(std::string_view name) const { return is_name(current(), name); }
  bool skip_if(TokenType type) {
    if (!at(type)) return false;
    next();
    return true;
  }
  bool skip_if_name(std::string_view name) {
    if (!at_name(name)) return false;
    next();
    return true;
  }

  bool fail(std::string message, uint32_t offset) {
    if (!failed_) {
      error_.offset = offset;
      error_.message = std::move(message);
      failed_ = true;
    }
    return false;
  }
  bool fail(std::string message) { return fail(std::move(message), current().offset); }

  static std::string quoted(std::string_view s) {
    std::string out;
    python_repr_string(s, out);
    return out;
  }

  bool expect(TokenType type, const Token** out = nullptr) {
    if (!at(type)) {
      if (at(TokenType::kEof))
        return fail("unexpected end of template, expected " + quoted(describe_token_type(type)) +
                    ".");
      return fail("expected token " + quoted(describe_token_type(type)) + ", got " +
                  quoted(describe_token(current())));
    }
    const Token& t = next();
    if (out) *out = &t;
    return true;
  }
  bool expect_name(std::string_view name) {
    if (!at_name(name)) {
      if (at(TokenType::kEof))
        return fail("unexpected end of template, expected " + quoted(name) + ".");
      return fail("expected token " + quoted(name) + ", got " + quoted(describe_token(current())));
    }
    next();
    return true;
  }

  bool is_tuple_end(const EndTokens& extra) const {
    TokenType t = current().type;
    if (t == TokenType::kVariableEnd || t == TokenType::kBlockEnd || t == TokenType::kRParen)
      return true;
    for (std::string_view e : extra) {
      if (at_name(e)) return true;
    }
    return false;
  }

  // ---- nesting guard ----

  struct Depth {
    explicit Depth(Parser& p) : p_(p) { ++p_.depth_; }
    ~Depth() { --p_.depth_; }
    bool ok() {
      if (p_.depth_ <= kMaxNesting) return true;
      return p_.fail("the template is nested too deeply (more than " + std::to_string(kMaxNesting) +
                     " levels)");
    }
    Parser& p_;
  };

  // ---- error messages for unknown tags and early ends (Jinja2's) ----

  bool fail_unknown_or_eof(const std::string* name, const std::vector<EndTokens>& stack,
                           uint32_t offset) {
    std::set<std::string_view> expected;
    for (const auto& exprs : stack) {
      for (std::string_view e : exprs) expected.insert(e);
    }
    std::string message =
        name ? "Encountered unknown tag " + quoted(*name) + "." : "Unexpected end of template.";
    if (!stack.empty() && !stack.back().empty()) {
      std::string looking;
      for (std::string_view e : stack.back()) {
        if (!looking.empty()) looking += " or ";
        looking += quoted(e);
      }
      if (name && expected.count(*name)) {
        message +=
            " You probably made a nesting mistake. Jinja is expecting this tag, but currently "
            "looking for " +
            looking + ".";
      } else {
        message += " Jinja was looking for the following tags: " + looking + ".";
      }
    }
    if (!tag_stack_.empty()) {
      message +=
          " The innermost block that needs to be closed is " + quoted(tag_stack_.back()) + ".";
    }
    return fail(message, offset);
  }

  bool fail_eof(const EndTokens& end_tokens) {
    std::vector<EndTokens> stack = end_token_stack_;
    stack.push_back(end_tokens);
    return fail_unknown_or_eof(nullptr, stack, current().offset);
  }

  // ---- statements ----

  std::optional<Body> subparse(const EndTokens& end_tokens) {
    Depth depth(*this);
    if (!depth.ok()) return std::nullopt;
    Body body;
    OutputStmt* output = nullptr;
    bool pushed = !end_tokens.empty();
    if (pushed) end_token_stack_.push_back(end_tokens);
    auto done = [&](bool ok) -> std::optional<Body> {
      if (pushed) end_token_stack_.pop_back();
      if (!ok) return std::nullopt;
      return std::move(body);
    };
    auto flush = [&] { output = nullptr; };
    auto add = [&](OutputStmt::Item item, uint32_t offset) {
      if (!output) {
        output = ast_.make<OutputStmt>(offset);
        body.push_back(output);
      }
      output->items.push_back(item);
    };
    while (!at(TokenType::kEof)) {
      const Token& token = current();
      if (token.type == TokenType::kData) {
        if (!token.text.empty()) add({token.text, nullptr}, token.offset);
        next();
      } else if (token.type == TokenType::kVariableBegin) {
        next();
        Expr* e = parse_tuple(false, true, {}, false);
        if (!e || !expect(TokenType::kVariableEnd)) return done(false);
        add({{}, e}, token.offset);
      } else if (token.type == TokenType::kBlockBegin) {
        flush();
        next();
        for (std::string_view e : end_tokens) {
          if (at_name(e)) return done(true);
        }
        Stmt* stmt = parse_statement();
        if (!stmt) return done(false);
        body.push_back(stmt);
        if (!expect(TokenType::kBlockEnd)) return done(false);
      } else {
        fail("internal parsing error");
        return done(false);
      }
    }
    return done(true);
  }

  std::optional<Body> parse_statements(const EndTokens& end_tokens, bool drop_needle) {
    skip_if(TokenType::kColon);
    if (!expect(TokenType::kBlockEnd)) return std::nullopt;
    auto body = subparse(end_tokens);
    if (!body) return std::nullopt;
    if (at(TokenType::kEof)) {
      fail_eof(end_tokens);
      return std::nullopt;
    }
    if (drop_needle) next();
    return body;
  }

  Stmt* parse_statement() {
    const Token& token = current();
    if (token.type != TokenType::kName) {
      fail("tag name expected", token.offset);
      return nullptr;
    }
    std::string_view name = token.text;
    static constexpr std::string_view kKeywords[] = {
        "for",  "if",     "block", "extends", "print",      "macro", "include",
        "from", "import", "set",   "with",    "autoescape", "call",  "filter"};
    bool known = false;
    for (std::string_view k : kKeywords) known = known || k == name;
    if (!known) {
      std::string n(name);
      fail_unknown_or_eof(&n, end_token_stack_, token.offset);
      return nullptr;
    }
    tag_stack_.push_back(std::string(name));
    Stmt* result = nullptr;
    if (name == "for")
      result = parse_for();
    else if (name == "if")
      result = parse_if();
    else if (name == "block")
      result = parse_block();
    else if (name == "extends")
      result = parse_extends();
    else if (name == "print")
      result = parse_print();
    else if (name == "macro")
      result = parse_macro();
    else if (name == "include")
      result = parse_include();
    else if (name == "from")
      result = parse_from();
    else if (name == "import")
      result = parse_import();
    else if (name == "set")
      result = parse_set();
    else if (name == "with")
      result = parse_with();
    else if (name == "autoescape")
      result = parse_autoescape();
    else if (name == "call")
      result = parse_call_block();
    else if (name == "filter")
      result = parse_filter_block();
    tag_stack_.pop_back();
    return result;
  }

  Stmt* parse_set() {
    uint32_t offset = next().offset;
    Target target;
    if (!parse_assign_target(target, true, false, {}, true)) return nullptr;
    if (skip_if(TokenType::kAssign)) {
      auto* node = ast_.make<SetStmt>(offset);
      node->target = std::move(target);
      node->value = parse_tuple(false, true, {}, false);
      if (!node->value) return nullptr;
      return node;
    }
    auto* node = ast_.make<SetBlockStmt>(offset);
    node->target = std::move(target);
    if (at(TokenType::kPipe)) {
      node->filter = parse_filter_chain(nullptr, false);
      if (!node->filter) return nullptr;
    }
    auto body = parse_statements({"endset"}, true);
    if (!body) return nullptr;
    node->body = std::move(*body);
    return node;
  }

  Stmt* parse_for() {
    uint32_t offset = next().offset;
    auto* node = ast_.make<ForStmt>(offset);
    if (!parse_assign_target(node->target, true, false, {"in"}, false)) return nullptr;
    if (!expect_name("in")) return nullptr;
    node->iter = parse_tuple(false, false, {"recursive"}, false);
    if (!node->iter) return nullptr;
    if (skip_if_name("if")) {
      node->filter = parse_expression(true);
      if (!node->filter) return nullptr;
    }
    node->recursive = skip_if_name("recursive");
    auto body = parse_statements({"endfor", "else"}, false);
    if (!body) return nullptr;
    node->body = std::move(*body);
    if (next().text != "endfor") {
      auto otherwise = parse_statements({"endfor"}, true);
      if (!otherwise) return nullptr;
      node->otherwise = std::move(*otherwise);
    }
    return node;
  }

  Stmt* parse_if() {
    auto* node = ast_.make<IfStmt>(next().offset);
    while (true) {
      Expr* test = parse_tuple(false, false, {}, false);
      if (!test) return nullptr;
      auto body = parse_statements({"elif", "else", "endif"}, false);
      if (!body) return nullptr;
      node->branches.emplace_back(test, std::move(*body));
      const Token& token = next();
      if (is_name(token, "elif")) continue;
      if (is_name(token, "else")) {
        auto otherwise = parse_statements({"endif"}, true);
        if (!otherwise) return nullptr;
        node->otherwise = std::move(*otherwise);
      }
      break;
    }
    return node;
  }

  Stmt* parse_with() {
    auto* node = ast_.make<WithStmt>(next().offset);
    while (!at(TokenType::kBlockEnd)) {
      if (!node->assignments.empty() && !expect(TokenType::kComma)) return nullptr;
      Target target;
      if (!parse_assign_target(target, true, false, {}, false)) return nullptr;
      if (!expect(TokenType::kAssign)) return nullptr;
      Expr* value = parse_expression(true);
      if (!value) return nullptr;
      node->assignments.emplace_back(std::move(target), value);
    }
    auto body = parse_statements({"endwith"}, true);
    if (!body) return nullptr;
    node->body = std::move(*body);
    return node;
  }

  Stmt* parse_autoescape() {
    auto* node = ast_.make<AutoescapeStmt>(next().offset);
    node->value = parse_expression(true);
    if (!node->value) return nullptr;
    auto body = parse_statements({"endautoescape"}, true);
    if (!body) return nullptr;
    node->body = std::move(*body);
    return node;
  }

  Stmt* parse_block() {
    auto* node = ast_.make<BlockStmt>(next().offset);
    const Token* name = nullptr;
    if (!expect(TokenType::kName, &name)) return nullptr;
    node->name = name->text;
    node->scoped = skip_if_name("scoped");
    node->required = skip_if_name("required");
    if (at(TokenType::kSub)) {
      fail(
          "Block names in Jinja have to be valid Python identifiers and may not contain "
          "hyphens, use an underscore instead.");
      return nullptr;
    }
    auto body = parse_statements({"endblock"}, true);
    if (!body) return nullptr;
    node->body = std::move(*body);
    if (node->required) {
      for (Stmt* s : node->body) {
        bool blank = s->kind == StmtKind::kOutput;
        if (blank) {
          for (const auto& item : static_cast<OutputStmt*>(s)->items) {
            bool space = !item.expr && !item.text.empty();
            for (char c : item.text) space = space && std::isspace(static_cast<unsigned char>(c));
            blank = blank && space;
          }
        }
        if (!blank) {
          fail("Required blocks can only contain comments or whitespace");
          return nullptr;
        }
      }
    }
    skip_if_name(node->name);
    return node;
  }

  Stmt* parse_extends() {
    auto* node = ast_.make<ExtendsStmt>(next().offset);
    node->name = parse_expression(true);
    if (!node->name) return nullptr;
    return node;
  }

  // `with context` / `without context`.
  void parse_import_context(bool& with_context, bool fallback) {
    if ((at_name("with") || at_name("without")) && is_name(look(), "context")) {
      with_context = next().text == "with";
      next();
    } else {
      with_context = fallback;
    }
  }

  Stmt* parse_include() {
    auto* node = ast_.make<IncludeStmt>(next().offset);
    node->name = parse_expression(true);
    if (!node->name) return nullptr;
    if (at_name("ignore") && is_name(look(), "missing")) {
      node->ignore_missing = true;
      next();
      next();
    }
    parse_import_context(node->with_context, true);
    return node;
  }

  Stmt* parse_import() {
    auto* node = ast_.make<ImportStmt>(next().offset);
    node->name = parse_expression(true);
    if (!node->name) return nullptr;
    if (!expect_name("as")) return nullptr;
    if (!parse_assign_target(node->target, true, true, {}, false)) return nullptr;
    parse_import_context(node->with_context, false);
    return node;
  }

  Stmt* parse_from() {
    auto* node = ast_.make<FromImportStmt>(next().offset);
    node->name = parse_expression(true);
    if (!node->name) return nullptr;
    if (!expect_name("import")) return nullptr;
    bool context_given = false;
    auto parse_context = [&]() {
      if ((at_name("with") || at_name("without")) && is_name(look(), "context")) {
        node->with_context = next().text == "with";
        next();
        context_given = true;
        return true;
      }
      return false;
    };
    while (true) {
      if (!node->names.empty() && !expect(TokenType::kComma)) return nullptr;
      if (at(TokenType::kName)) {
        if (parse_context()) break;
        Target target;
        if (!parse_assign_target(target, true, true, {}, false)) return nullptr;
        if (!target.name.empty() && target.name[0] == '_') {
          fail("names starting with an underline can not be imported", target.offset);
          return nullptr;
        }
        FromImportStmt::Imported imported;
        imported.name = target.name;
        if (skip_if_name("as")) {
          if (!parse_assign_target(imported.target, true, true, {}, false)) return nullptr;
        } else {
          imported.target = target;
        }
        node->names.push_back(std::move(imported));
        if (parse_context() || !at(TokenType::kComma)) break;
      } else {
        if (!expect(TokenType::kName)) return nullptr;
      }
    }
    if (!context_given) node->with_context = false;
    return node;
  }

  bool parse_signature(MacroDef& def) {
    if (!expect(TokenType::kLParen)) return false;
    bool defaults = false;
    while (!at(TokenType::kRParen)) {
      if (!def.params.empty() && !expect(TokenType::kComma)) return false;
      Target arg;
      if (!parse_assign_target(arg, true, true, {}, false)) return false;
      MacroDef::Param param;
      param.name = arg.name;
      if (skip_if(TokenType::kAssign)) {
        param.default_value = parse_expression(true);
        if (!param.default_value) return false;
        defaults = true;
      } else if (defaults) {
        return fail("non-default argument follows default argument");
      }
      def.params.push_back(param);
    }
    return expect(TokenType::kRParen);
  }

  Stmt* parse_call_block() {
    auto* node = ast_.make<CallBlockStmt>(next().offset);
    node->def.name = "caller";
    node->def.offset = node->offset;
    if (at(TokenType::kLParen) && !parse_signature(node->def)) return nullptr;
    Expr* call = parse_expression(true);
    if (!call) return nullptr;
    if (call->kind != ExprKind::kCall) {
      fail("expected call", node->offset);
      return nullptr;
    }
    node->call = static_cast<CallExpr*>(call);
    auto body = parse_statements({"endcall"}, true);
    if (!body) return nullptr;
    node->def.body = std::move(*body);
    return node;
  }

  Stmt* parse_filter_block() {
    auto* node = ast_.make<FilterBlockStmt>(next().offset);
    node->filter = parse_filter_chain(nullptr, true);
    if (!node->filter) return nullptr;
    auto body = parse_statements({"endfilter"}, true);
    if (!body) return nullptr;
    node->body = std::move(*body);
    return node;
  }

  Stmt* parse_macro() {
    auto* node = ast_.make<MacroStmt>(next().offset);
    node->def.offset = node->offset;
    Target name;
    if (!parse_assign_target(name, true, true, {}, false)) return nullptr;
    node->def.name = name.name;
    if (!parse_signature(node->def)) return nullptr;
    auto body = parse_statements({"endmacro"}, true);
    if (!body) return nullptr;
    node->def.body = std::move(*body);
    return node;
  }

  Stmt* parse_print() {
    auto* node = ast_.make<OutputStmt>(next().offset);
    while (!at(TokenType::kBlockEnd)) {
      if (!node->items.empty() && !expect(TokenType::kComma)) return nullptr;
      Expr* e = parse_expression(true);
      if (!e) return nullptr;
      node->items.push_back({{}, e});
    }
    return node;
  }

  // ---- assignment targets ----

  bool to_target(Expr* e, Target& out) {
    out.offset = e->offset;
    if (e->kind == ExprKind::kName) {
      out.kind = Target::Kind::kName;
      out.name = static_cast<NameExpr*>(e)->name;
      return true;
    }
    if (e->kind == ExprKind::kTuple) {
      out.kind = Target::Kind::kTuple;
      for (Expr* item : static_cast<ListExpr*>(e)->items) {
        Target t;
        if (!to_target(item, t)) return false;
        out.items.push_back(std::move(t));
      }
      return true;
    }
    std::string what;
    switch (e->kind) {
      case ExprKind::kConst:
        what = "const";
        break;
      case ExprKind::kList:
        what = "list";
        break;
      case ExprKind::kDict:
        what = "dict";
        break;
      case ExprKind::kGetattr:
        what = "getattr";
        break;
      case ExprKind::kGetitem:
      case ExprKind::kSlice:
        what = "getitem";
        break;
      case ExprKind::kCall:
        what = "call";
        break;
      default:
        what = "expression";
        break;
    }
    return fail("can't assign to " + quoted(what), e->offset);
  }

  bool parse_assign_target(Target& out, bool with_tuple, bool name_only, const EndTokens& extra_end,
                           bool with_namespace) {
    if (with_namespace && look().type == TokenType::kDot) {
      const Token* name = nullptr;
      if (!expect(TokenType::kName, &name)) return false;
      next();
      const Token* attr = nullptr;
      if (!expect(TokenType::kName, &attr)) return false;
      out.kind = Target::Kind::kNamespaceAttr;
      out.offset = name->offset;
      out.name = name->text;
      out.attribute = attr->text;
      return true;
    }
    if (name_only) {
      const Token* name = nullptr;
      if (!expect(TokenType::kName, &name)) return false;
      out.kind = Target::Kind::kName;
      out.offset = name->offset;
      out.name = name->text;
      return true;
    }
    Expr* e = with_tuple ? parse_tuple(true, true, extra_end, false) : parse_primary();
    if (!e) return false;
    return to_target(e, out);
  }

  // ---- expressions ----

  Expr* parse_expression(bool with_condexpr) {
    Depth depth(*this);
    if (!depth.ok()) return nullptr;
    return with_condexpr ? parse_condexpr() : parse_or();
  }

  Expr* parse_condexpr() {
    uint32_t offset = current().offset;
    Expr* expr1 = parse_or();
    if (!expr1) return nullptr;
    while (skip_if_name("if")) {
      auto* node = ast_.make<CondExpr>(offset);
      node->then = expr1;
      node->test = parse_or();
      if (!node->test) return nullptr;
      if (skip_if_name("else")) {
        node->otherwise = parse_condexpr();
        if (!node->otherwise) return nullptr;
      }
      expr1 = node;
      offset = current().offset;
    }
    return expr1;
  }

  Expr* parse_or() {
    uint32_t offset = current().offset;
    Expr* left = parse_and();
    while (left && skip_if_name("or")) {
      auto* node = ast_.make<BinaryExpr>(offset);
      node->kind = ExprKind::kOr;
      node->left = left;
      node->right = parse_and();
      if (!node->right) return nullptr;
      left = node;
      offset = current().offset;
    }
    return left;
  }

  Expr* parse_and() {
    uint32_t offset = current().offset;
    Expr* left = parse_not();
    while (left && skip_if_name("and")) {
      auto* node = ast_.make<BinaryExpr>(offset);
      node->kind = ExprKind::kAnd;
      node->left = left;
      node->right = parse_not();
      if (!node->right) return nullptr;
      left = node;
      offset = current().offset;
    }
    return left;
  }

  Expr* parse_not() {
    if (at_name("not")) {
      Depth depth(*this);
      if (!depth.ok()) return nullptr;
      auto* node = ast_.make<UnaryExpr>(next().offset);
      node->kind = ExprKind::kNot;
      node->operand = parse_not();
      if (!node->operand) return nullptr;
      return node;
    }
    return parse_compare();
  }

  Expr* parse_compare() {
    uint32_t offset = current().offset;
    Expr* expr = parse_math1();
    if (!expr) return nullptr;
    CompareExpr* node = nullptr;
    while (true) {
      CompareOp op;
      TokenType t = current().type;
      if (t == TokenType::kEq)
        op = CompareOp::kEq;
      else if (t == TokenType::kNe)
        op = CompareOp::kNe;
      else if (t == TokenType::kLt)
        op = CompareOp::kLt;
      else if (t == TokenType::kLtEq)
        op = CompareOp::kLtEq;
      else if (t == TokenType::kGt)
        op = CompareOp::kGt;
      else if (t == TokenType::kGtEq)
        op = CompareOp::kGtEq;
      else if (at_name("in"))
        op = CompareOp::kIn;
      else if (at_name("not") && is_name(look(), "in")) {
        op = CompareOp::kNotIn;
        next();
      } else {
        break;
      }
      next();
      Expr* right = parse_math1();
      if (!right) return nullptr;
      if (!node) {
        node = ast_.make<CompareExpr>(offset);
        node->first = expr;
      }
      node->rest.emplace_back(op, right);
      offset = current().offset;
    }
    if (node) node->offset = offset;
    return node ? node : expr;
  }

  Expr* make_binary(BinaryOp op, Expr* left, Expr* right, uint32_t offset) {
    auto* node = ast_.make<BinaryExpr>(offset);
    node->kind = ExprKind::kBinary;
    node->op = op;
    node->left = left;
    node->right = right;
    return node;
  }

  Expr* parse_math1() {
    uint32_t offset = current().offset;
    Expr* left = parse_concat();
    while (left && (at(TokenType::kAdd) || at(TokenType::kSub))) {
      BinaryOp op = at(TokenType::kAdd) ? BinaryOp::kAdd : BinaryOp::kSub;
      next();
      Expr* right = parse_concat();
      if (!right) return nullptr;
      left = make_binary(op, left, right, offset);
      offset = current().offset;
    }
    return left;
  }

  Expr* parse_concat() {
    uint32_t offset = current().offset;
    Expr* first = parse_math2();
    if (!first || !at(TokenType::kTilde)) return first;
    auto* node = ast_.make<ConcatExpr>(offset);
    node->items.push_back(first);
    while (skip_if(TokenType::kTilde)) {
      Expr* item = parse_math2();
      if (!item) return nullptr;
      node->items.push_back(item);
    }
    return node;
  }

  Expr* parse_math2() {
    uint32_t offset = current().offset;
    Expr* left = parse_pow();
    while (left) {
      BinaryOp op;
      if (at(TokenType::kMul))
        op = BinaryOp::kMul;
      else if (at(TokenType::kDiv))
        op = BinaryOp::kDiv;
      else if (at(TokenType::kFloorDiv))
        op = BinaryOp::kFloorDiv;
      else if (at(TokenType::kMod))
        op = BinaryOp::kMod;
      else
        break;
      next();
      Expr* right = parse_pow();
      if (!right) return nullptr;
      left = make_binary(op, left, right, offset);
      offset = current().offset;
    }
    return left;
  }

  Expr* parse_pow() {
    uint32_t offset = current().offset;
    Expr* left = parse_unary(true);
    while (left && skip_if(TokenType::kPow)) {
      Expr* right = parse_unary(true);
      if (!right) return nullptr;
      left = make_binary(BinaryOp::kPow, left, right, offset);
      offset = current().offset;
    }
    return left;
  }

  Expr* parse_unary(bool with_filter) {
    Depth depth(*this);
    if (!depth.ok()) return nullptr;
    uint32_t offset = current().offset;
    Expr* node;
    if (at(TokenType::kSub) || at(TokenType::kAdd)) {
      bool neg = at(TokenType::kSub);
      next();
      auto* u = ast_.make<UnaryExpr>(offset);
      u->kind = neg ? ExprKind::kNeg : ExprKind::kPos;
      u->operand = parse_unary(false);
      if (!u->operand) return nullptr;
      node = u;
    } else {
      node = parse_primary();
    }
    if (!node) return nullptr;
    node = parse_postfix(node);
    if (node && with_filter) node = parse_filter_expr(node);
    return node;
  }

  Expr* parse_primary() {
    const Token& token = current();
    switch (token.type) {
      case TokenType::kName: {
        next();
        if (token.text == "true" || token.text == "True" || token.text == "false" ||
            token.text == "False") {
          auto* c = ast_.make<ConstExpr>(token.offset);
          c->value = Value(token.text == "true" || token.text == "True");
          return c;
        }
        if (token.text == "none" || token.text == "None") {
          auto* c = ast_.make<ConstExpr>(token.offset);
          c->value = Value::none();
          return c;
        }
        auto* n = ast_.make<NameExpr>(token.offset);
        n->name = token.text;
        n->hash = Value::hash_key(n->name);
        return n;
      }
      case TokenType::kString: {
        next();
        auto* c = ast_.make<ConstExpr>(token.offset);
        if (!at(TokenType::kString)) {
          c->value = Value::borrowed(token.text);
          return c;
        }
        std::string joined(token.text);
        while (at(TokenType::kString)) joined += next().text;
        joined_strings_.push_back(std::move(joined));
        c->value = Value::borrowed(joined_strings_.back());
        return c;
      }
      case TokenType::kInteger: {
        next();
        auto* c = ast_.make<ConstExpr>(token.offset);
        c->value = Value(token.int_value);
        return c;
      }
      case TokenType::kFloat: {
        next();
        auto* c = ast_.make<ConstExpr>(token.offset);
        c->value = Value(token.float_value);
        return c;
      }
      case TokenType::kLParen: {
        next();
        Expr* e = parse_tuple(false, true, {}, true);
        if (!e || !expect(TokenType::kRParen)) return nullptr;
        return e;
      }
      case TokenType::kLBracket:
        return parse_list();
      case TokenType::kLBrace:
        return parse_dict();
      default:
        break;
    }
    fail("unexpected " + quoted(describe_token(token)), token.offset);
    return nullptr;
  }

  Expr* parse_tuple(bool simplified, bool with_condexpr, const EndTokens& extra_end,
                    bool explicit_parentheses) {
    uint32_t offset = current().offset;
    std::vector<Expr*> args;
    bool is_tuple = false;
    while (true) {
      if (!args.empty() && !expect(TokenType::kComma)) return nullptr;
      if (is_tuple_end(extra_end)) break;
      Expr* e = simplified ? parse_primary() : parse_expression(with_condexpr);
      if (!e) return nullptr;
      args.push_back(e);
      if (at(TokenType::kComma)) {
        is_tuple = true;
      } else {
        break;
      }
      offset = current().offset;
    }
    if (!is_tuple) {
      if (!args.empty()) return args[0];
      if (!explicit_parentheses) {
        fail("Expected an expression, got " + quoted(describe_token(current())));
        return nullptr;
      }
    }
    auto* node = ast_.make<ListExpr>(offset);
    node->kind = ExprKind::kTuple;
    node->items = std::move(args);
    return fold_sequence(node);
  }

  Expr* parse_list() {
    const Token& token = next();
    auto* node = ast_.make<ListExpr>(token.offset);
    node->kind = ExprKind::kList;
    while (!at(TokenType::kRBracket)) {
      if (!node->items.empty() && !expect(TokenType::kComma)) return nullptr;
      if (at(TokenType::kRBracket)) break;
      Expr* e = parse_expression(true);
      if (!e) return nullptr;
      node->items.push_back(e);
    }
    if (!expect(TokenType::kRBracket)) return nullptr;
    return fold_sequence(node);
  }

  Expr* parse_dict() {
    const Token& token = next();
    auto* node = ast_.make<DictExpr>(token.offset);
    while (!at(TokenType::kRBrace)) {
      if (!node->items.empty() && !expect(TokenType::kComma)) return nullptr;
      if (at(TokenType::kRBrace)) break;
      Expr* key = parse_expression(true);
      if (!key || !expect(TokenType::kColon)) return nullptr;
      Expr* value = parse_expression(true);
      if (!value) return nullptr;
      node->items.emplace_back(key, value);
    }
    if (!expect(TokenType::kRBrace)) return nullptr;
    // Constant dicts with hashable constant keys become one shared value.
    bool constant = true;
    for (const auto& [k, v] : node->items) {
      constant = constant && k->kind == ExprKind::kConst && v->kind == ExprKind::kConst;
      if (constant) {
        const Value& key = static_cast<ConstExpr*>(k)->value;
        constant = !key.is_list() && !key.is_dict();
      }
    }
    if (!constant) return node;
    std::vector<std::pair<Value, Value>> entries;
    for (const auto& [k, v] : node->items) {
      entries.emplace_back(static_cast<ConstExpr*>(k)->value, static_cast<ConstExpr*>(v)->value);
    }
    auto* c = ast_.make<ConstExpr>(node->offset);
    c->value = Value::dict(std::move(entries));
    return c;
  }

  Expr* fold_sequence(ListExpr* node) {
    for (Expr* item : node->items) {
      if (item->kind != ExprKind::kConst) return node;
    }
    std::vector<Value> items;
    items.reserve(node->items.size());
    for (Expr* item : node->items) items.push_back(static_cast<ConstExpr*>(item)->value);
    auto* c = ast_.make<ConstExpr>(node->offset);
    c->value = Value::list(std::move(items),
                           node->kind == ExprKind::kTuple ? ListKind::kTuple : ListKind::kList);
    return c;
  }

  Expr* parse_postfix(Expr* node) {
    while (node) {
      if (at(TokenType::kDot) || at(TokenType::kLBracket)) {
        node = parse_subscript(node);
      } else if (at(TokenType::kLParen)) {
        node = parse_call(node);
      } else {
        break;
      }
    }
    return node;
  }

  Expr* parse_filter_expr(Expr* node) {
    while (node) {
      if (at(TokenType::kPipe)) {
        node = parse_filter_chain(node, false);
      } else if (at_name("is")) {
        node = parse_test(node);
      } else if (at(TokenType::kLParen)) {
        node = parse_call(node);
      } else {
        break;
      }
    }
    return node;
  }

  Expr* parse_subscript(Expr* node) {
    const Token& token = next();
    if (token.type == TokenType::kDot) {
      const Token& attr = current();
      next();
      if (attr.type == TokenType::kName) {
        auto* g = ast_.make<GetattrExpr>(token.offset);
        g->object = node;
        g->name = attr.text;
        g->hash = Value::hash_key(g->name);
        g->probe.emplace(g->name);
        g->dict_method = g->name == "items" || g->name == "keys" || g->name == "values" ||
                         g->name == "get" || g->name == "copy";
        if (node->kind == ExprKind::kName && static_cast<const NameExpr*>(node)->name == "loop")
          g->loop_number = static_cast<int8_t>(loop_number_of(g->name));
        return g;
      }
      if (attr.type != TokenType::kInteger) {
        fail("expected name or number", attr.offset);
        return nullptr;
      }
      auto* key = ast_.make<ConstExpr>(attr.offset);
      key->value = Value(attr.int_value);
      auto* g = ast_.make<GetitemExpr>(token.offset);
      g->object = node;
      g->key = key;
      return g;
    }
    // '[' subscripts ']'
    std::vector<Expr*> args;
    std::vector<SliceExpr*> slices;
    while (!at(TokenType::kRBracket)) {
      if (!args.empty() && !expect(TokenType::kComma)) return nullptr;
      Expr* arg = parse_subscribed();
      if (!arg) return nullptr;
      args.push_back(arg);
    }
    if (!expect(TokenType::kRBracket)) return nullptr;
    if (args.size() == 1) {
      if (args[0]->kind == ExprKind::kSlice) {
        static_cast<SliceExpr*>(args[0])->object = node;
        return args[0];
      }
      auto* g = ast_.make<GetitemExpr>(token.offset);
      g->object = node;
      g->key = args[0];
      return g;
    }
    for (Expr* a : args) {
      if (a->kind == ExprKind::kSlice) {
        fail("slices inside a tuple subscript are not supported", a->offset);
        return nullptr;
      }
    }
    auto* tuple = ast_.make<ListExpr>(token.offset);
    tuple->kind = ExprKind::kTuple;
    tuple->items = std::move(args);
    auto* g = ast_.make<GetitemExpr>(token.offset);
    g->object = node;
    g->key = fold_sequence(tuple);
    return g;
  }

  Expr* parse_subscribed() {
    uint32_t offset = current().offset;
    Expr* start = nullptr;
    if (at(TokenType::kColon)) {
      next();
    } else {
      start = parse_expression(true);
      if (!start) return nullptr;
      if (!at(TokenType::kColon)) return start;
      next();
    }
    auto* slice = ast_.make<SliceExpr>(offset);
    slice->start = start;
    if (!at(TokenType::kColon) && !at(TokenType::kRBracket) && !at(TokenType::kComma)) {
      slice->stop = parse_expression(true);
      if (!slice->stop) return nullptr;
    }
    if (at(TokenType::kColon)) {
      next();
      if (!at(TokenType::kRBracket) && !at(TokenType::kComma)) {
        slice->step = parse_expression(true);
        if (!slice->step) return nullptr;
      }
    }
    return slice;
  }

  bool parse_call_args(CallArgs& args) {
    const Token* open = nullptr;
    if (!expect(TokenType::kLParen, &open)) return false;
    bool require_comma = false;
    auto ensure = [&](bool ok) {
      if (!ok) fail("invalid syntax for function call expression", open->offset);
      return ok;
    };
    while (!at(TokenType::kRParen)) {
      if (require_comma) {
        if (!expect(TokenType::kComma)) return false;
        if (at(TokenType::kRParen)) break;
      }
      if (at(TokenType::kMul)) {
        if (!ensure(!args.star_args && !args.star_kwargs)) return false;
        next();
        args.star_args = parse_expression(true);
        if (!args.star_args) return false;
      } else if (at(TokenType::kPow)) {
        if (!ensure(!args.star_kwargs)) return false;
        next();
        args.star_kwargs = parse_expression(true);
        if (!args.star_kwargs) return false;
      } else if (at(TokenType::kName) && look().type == TokenType::kAssign) {
        if (!ensure(!args.star_kwargs)) return false;
        std::string_view key = current().text;
        next();
        next();
        Expr* value = parse_expression(true);
        if (!value) return false;
        args.keywords.emplace_back(key, value);
      } else {
        if (!ensure(!args.star_args && !args.star_kwargs && args.keywords.empty())) return false;
        Expr* value = parse_expression(true);
        if (!value) return false;
        args.positional.push_back(value);
      }
      require_comma = true;
    }
    return expect(TokenType::kRParen);
  }

  Expr* parse_call(Expr* node) {
    auto* call = ast_.make<CallExpr>(current().offset);
    call->callee = node;
    if (!parse_call_args(call->args)) return nullptr;
    return call;
  }

  // `| name(args) | name …`; with `start_inline` the first filter has no leading pipe.
  FilterExpr* parse_filter_chain(Expr* node, bool start_inline) {
    FilterExpr* result = nullptr;
    while (at(TokenType::kPipe) || start_inline) {
      if (!start_inline) next();
      const Token* name = nullptr;
      if (!expect(TokenType::kName, &name)) return nullptr;
      auto* f = ast_.make<FilterExpr>(name->offset);
      std::string_view full = name->text;
      while (at(TokenType::kDot)) {
        next();
        const Token* part = nullptr;
        if (!expect(TokenType::kName, &part)) return nullptr;
        dotted_names_.push_back(std::string(full) + "." + std::string(part->text));
        full = dotted_names_.back();
      }
      f->name = full;
      f->input = node;
      if (at(TokenType::kLParen) && !parse_call_args(f->args)) return nullptr;
      node = f;
      result = f;
      start_inline = false;
    }
    return result;
  }

  Expr* parse_test(Expr* node) {
    const Token& is = next();
    bool negated = skip_if_name("not");
    const Token* name = nullptr;
    if (!expect(TokenType::kName, &name)) return nullptr;
    auto* t = ast_.make<TestExpr>(is.offset);
    std::string_view full = name->text;
    while (at(TokenType::kDot)) {
      next();
      const Token* part = nullptr;
      if (!expect(TokenType::kName, &part)) return nullptr;
      dotted_names_.push_back(std::string(full) + "." + std::string(part->text));
      full = dotted_names_.back();
    }
    t->name = full;
    t->input = node;
    TokenType ct = current().type;
    if (ct == TokenType::kLParen) {
      if (!parse_call_args(t->args)) return nullptr;
    } else if ((ct == TokenType::kName || ct == TokenType::kString || ct == TokenType::kInteger ||
                ct == TokenType::kFloat || ct == TokenType::kLBracket ||
                ct == TokenType::kLBrace) &&
               !at_name("else") && !at_name("or") && !at_name("and")) {
      if (at_name("is")) {
        fail("You cannot chain multiple tests with is");
        return nullptr;
      }
      Expr* arg = parse_primary();
      if (!arg) return nullptr;
      arg = parse_postfix(arg);
      if (!arg) return nullptr;
      t->args.positional.push_back(arg);
    }
    if (!negated) return t;
    auto* n = ast_.make<UnaryExpr>(is.offset);
    n->kind = ExprKind::kNot;
    n->operand = t;
    return n;
  }

  const std::vector<Token>& tokens_;
  TemplateAst& ast_;
  SyntaxError& error_;
  size_t pos_ = 0;
  bool failed_ = false;
  int depth_ = 0;
  std::vector<std::string> tag_stack_;
  std::vector<EndTokens> end_token_stack_;
  std::deque<std::string>& joined_strings_ = ast_.strings;
  std::deque<std::string>& dotted_names_ = ast_.strings;
};

}  // namespace

bool parse(const std::vector<Token>& tokens, TemplateAst& ast, SyntaxError& error) {
  Parser parser(tokens, ast, error);
  return parser.run();
}

}  // namespace gazette::templating
