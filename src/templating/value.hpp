// The values templates compute with, with Python's data model as Jinja2 sees it: undefined,
// none, booleans, integers, floats, strings (plain or Markup-safe), lists (and tuples, ranges,
// one-pass iterators, dict views), ordered dicts, and objects (macros, loops, namespaces, the
// site's own functions…).
//
// A `Value` is 16 bytes and cheap to copy: scalars are held inline, strings, lists and dicts in
// immutable reference-counted blocks (atomic counts), so site-wide data built once — the list
// of 100,000 articles — is shared read-only by every page's context on every thread; copying a
// context never copies the site. Strings taken from a template's own text are borrowed (not
// counted): they live as long as the Environment that parsed the template.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace gazette::templating {

class Value;
class Object;
class CallContext;
struct Args;

// A string key prepared for dict lookups repeated from one place (a template's `x.title`):
// its hash, its first bytes, and where it was found last time (dicts built alike keep their
// keys in the same order, so that position is tried first). Shared by threads: the position
// is a relaxed atomic, a hint only.
struct KeyProbe {
  KeyProbe() : hash(0), head(0) {}  // no key (hash 0 is no string's)
  explicit KeyProbe(std::string_view k);
  KeyProbe(const KeyProbe& other)
      : key(other.key),
        hash(other.hash),
        head(other.head),
        last(other.last.load(std::memory_order_relaxed)) {}
  KeyProbe& operator=(const KeyProbe& other) {
    key = other.key;
    hash = other.hash;
    head = other.head;
    last.store(other.last.load(std::memory_order_relaxed), std::memory_order_relaxed);
    return *this;
  }
  std::string_view key;
  uint32_t hash;
  uint64_t head;
  mutable std::atomic<uint32_t> last{0};
};

// What a value is, as templates see it.
enum class Kind : uint8_t {
  kUndefined,  // a missing variable or attribute (prints empty, falsy; strict mode: errors)
  kNone,       // none / None
  kBool,       // true / false
  kInt,        // 64-bit integer
  kFloat,      // double
  kString,     // UTF-8 text; `is_safe()` when it is Markup (HTML that must not be escaped)
  kList,       // a sequence: list, tuple, range, iterator or dict view (see ListKind)
  kDict,       // an ordered dict (insertion order, as Python's)
  kObject,     // a runtime object: macro, loop, namespace, cycler, joiner, function…
};

// The Python type a sequence stands for; it decides how it prints, compares and whether it
// has a length, as in Jinja2 (`{{ range(3) }}` prints `range(0, 3)`, `map()` results are
// one-pass iterators without a length, and so on).
enum class ListKind : uint8_t {
  kList,
  kTuple,
  kGroup,       // a groupby() group: a (grouper, list) tuple with those attribute names
  kIterator,    // a generator (map, select, …): always true, no len(), not subscriptable
  kRange,       // range(start, stop, step)
  kDictItems,   // dict.items()
  kDictKeys,    // dict.keys()
  kDictValues,  // dict.values()
};

// Why a value is undefined, for the error message when it is used.
enum class UndefinedReason : uint8_t {
  kPlain,      // no details
  kName,       // 'x' is undefined
  kAttribute,  // 'dict object' has no attribute 'x'
  kElement,    // list object has no element 3
  kMessage,    // a message of its own ("there is no next item", …)
};

namespace detail {

// The header of every reference-counted block (atomic: blocks may be shared by threads).
struct HeapBlock {
  mutable std::atomic<uint32_t> refs{1};
  void retain() const { refs.fetch_add(1, std::memory_order_relaxed); }
  // True when the last reference went away and the block must be freed. (A block with one
  // reference is the caller's alone: no other thread can touch the count, so no atomic
  // read-modify-write is needed. Temporaries of a render die that way.)
  bool release() const {
    if (refs.load(std::memory_order_acquire) == 1) return true;
    return refs.fetch_sub(1, std::memory_order_acq_rel) == 1;
  }
};

struct StringBlock {
  HeapBlock header;
  uint32_t size = 0;
  char data[1];  // `size` bytes follow
};

struct ListBlock : HeapBlock {
  std::vector<Value> items;
  ListKind list_kind = ListKind::kList;
  int64_t range_start = 0, range_stop = 0, range_step = 1;  // for kRange
};

struct DictEntry;
struct DictBlock;

}  // namespace detail

// A template value. See the file comment.
class Value {
 public:
  // Undefined, without details.
  Value() noexcept { rep_.kind = Kind::kUndefined; }
  Value(bool b) noexcept {  // NOLINT: implicit by design
    rep_.kind = Kind::kBool;
    rep_.u.b = b;
  }
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Value(T i) noexcept {  // NOLINT: implicit by design
    rep_.kind = Kind::kInt;
    rep_.u.i = static_cast<int64_t>(i);
  }
  Value(double f) noexcept {  // NOLINT: implicit by design
    rep_.kind = Kind::kFloat;
    rep_.u.f = f;
  }
  Value(std::string_view s) : Value(make_string(s, false)) {}  // NOLINT: implicit by design
  Value(const std::string& s) : Value(std::string_view(s)) {}  // NOLINT: implicit by design
  Value(const char* s) : Value(std::string_view(s)) {}         // NOLINT: implicit by design

  // Copies (and moves of aliases, see alias_of) own a reference. (Each operation reads and
  // writes the representation whole: partial writes followed by whole reads stall stores.)
  Value(const Value& other) noexcept : rep_(owned(other.rep_)) {}
  Value(Value&& other) noexcept : rep_(take(other)) {}
  Value& operator=(const Value& other) noexcept {
    if (this != &other) {
      Rep r = owned(other.rep_);
      release();
      rep_ = r;
    }
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    if (this != &other) {
      Rep r = take(other);
      release();
      rep_ = r;
    }
    return *this;
  }
  ~Value() { release(); }

  // A non-owning alias of `v`, for where `v` outlives the alias (a loop variable's item, a
  // call's arguments): no reference counting. Copying or moving an alias gives an owning
  // value, so an alias never outlives the place it was made in.
  static Value alias_of(const Value& v) noexcept { return Value(v.rep_, AliasTag{}); }
  // Makes this value an alias of `v` (see alias_of), in place.
  void set_alias(const Value& v) noexcept {
    if (this == &v) return;
    release();
    rep_ = v.rep_;
    if (rep_.flags & kHeap) rep_.flags = static_cast<uint8_t>((rep_.flags & ~kHeap) | kAlias);
  }
  // Whether this value is an alias (see alias_of).
  bool is_alias() const { return rep_.flags & kAlias; }

  // --- making values ---

  static Value none() {
    Value v;
    v.rep_.kind = Kind::kNone;
    return v;
  }
  // An owned copy of a UTF-8 string.
  static Value string(std::string_view s) { return make_string(s, false); }
  // Markup: an HTML string that autoescaping leaves alone (`|safe`, macro output, …).
  static Value markup(std::string_view s) { return make_string(s, true); }
  // A string whose bytes live elsewhere for at least as long as every copy of the value
  // (template text, string constants): not copied, not counted.
  static Value borrowed(std::string_view s, bool safe = false);
  // A string of `safe`-ness taken from `like` (Markup in, Markup out).
  static Value string_like(std::string_view s, const Value& like) {
    return make_string(s, like.is_safe());
  }
  static Value string(std::string_view s, bool safe) { return make_string(s, safe); }
  // Bytes [from, to) of the string `s`, with its Markup mark: a prefix shares the block of
  // `s` (no copy), and a part of a string that escapes to itself does too.
  static Value substring(const Value& s, size_t from, size_t to);

  static Value list(std::vector<Value> items, ListKind kind = ListKind::kList);
  static Value tuple(std::vector<Value> items) { return list(std::move(items), ListKind::kTuple); }
  // range(start, stop, step) with its items (the caller bounds the size).
  static Value range(int64_t start, int64_t stop, int64_t step);
  // A dict from key/value pairs, later keys replacing earlier equal ones in place.
  static Value dict(std::vector<std::pair<Value, Value>> entries);
  static Value dict(std::initializer_list<std::pair<std::string_view, Value>> entries);
  // An object (takes ownership of one reference; `new` it and pass it here).
  static Value object(Object* object);
  // A new reference to an object that is already held elsewhere.
  static Value object_ref(const Object* object);
  template <class T, class... A>
  static Value make_object(A&&... args) {
    return object(new T(std::forward<A>(args)...));
  }

  // Undefined values, with the reason used in error messages.
  static Value undefined_name(std::string_view name);
  static Value undefined_attribute(const Value& owner, std::string_view attribute);
  static Value undefined_element(const Value& owner, const Value& key);
  static Value undefined_message(std::string_view message);

  // --- what it is ---

  Kind kind() const { return rep_.kind; }
  bool is_undefined() const { return rep_.kind == Kind::kUndefined; }
  bool is_none() const { return rep_.kind == Kind::kNone; }
  bool is_bool() const { return rep_.kind == Kind::kBool; }
  bool is_int() const { return rep_.kind == Kind::kInt; }
  bool is_float() const { return rep_.kind == Kind::kFloat; }
  // int, float or bool (Python's numbers.Number includes bool).
  bool is_number() const {
    return rep_.kind == Kind::kInt || rep_.kind == Kind::kFloat || rep_.kind == Kind::kBool;
  }
  bool is_string() const { return rep_.kind == Kind::kString; }
  bool is_safe() const { return rep_.kind == Kind::kString && (rep_.flags & kSafe); }
  // True when the string is known to contain none of & < > ' " (escaping leaves it as it is):
  // strings made from text are checked once when made, so that printing them, however often,
  // skips the escaping scan. False means unknown.
  bool escapes_to_itself() const {
    return rep_.kind == Kind::kString && (rep_.flags & kEscapeFree);
  }
  bool is_list() const { return rep_.kind == Kind::kList; }
  bool is_dict() const { return rep_.kind == Kind::kDict; }
  bool is_object() const { return rep_.kind == Kind::kObject; }

  // --- reading it (call only on the right kind) ---

  bool as_bool() const { return rep_.u.b; }
  int64_t as_int() const { return rep_.u.i; }
  double as_float() const { return rep_.u.f; }
  // int, bool or float as a double.
  double to_double() const {
    return rep_.kind == Kind::kFloat  ? rep_.u.f
           : rep_.kind == Kind::kBool ? (rep_.u.b ? 1.0 : 0.0)
                                      : static_cast<double>(rep_.u.i);
  }
  // The text of a string (or the detail text of an undefined value).
  std::string_view as_string() const { return {rep_.u.chars, rep_.len}; }

  ListKind list_kind() const { return list_block()->list_kind; }
  const std::vector<Value>& items() const { return list_block()->items; }
  // start, stop, step of a range.
  int64_t range_start() const { return list_block()->range_start; }
  int64_t range_stop() const { return list_block()->range_stop; }
  int64_t range_step() const { return list_block()->range_step; }

  // Dict entries in insertion order.
  std::span<const std::pair<Value, Value>> entries() const;
  size_t dict_size() const { return entries().size(); }
  // The value of a string key, or nullptr.
  const Value* find(std::string_view key) const;
  // The same with the key's hash_key() already computed (names in templates are hashed once).
  const Value* find(std::string_view key, uint32_t hash) const;
  // The same for a key looked up again and again from one place (see KeyProbe).
  inline const Value* find(const KeyProbe& probe) const;
  // The hash dicts use for a string key.
  static uint32_t hash_key(std::string_view key);
  // The value of any key (Python equality: 1 == 1.0 == true), or nullptr.
  const Value* find_key(const Value& key) const;

  Object* as_object() const { return rep_.u.obj; }
  template <class T>
  [[gnu::always_inline]] T* object_as() const;  // the object as T, or nullptr

  UndefinedReason undefined_reason() const { return static_cast<UndefinedReason>(rep_.aux1); }
  // For kAttribute / kElement: the Python type name of the object that lacked it.
  std::string_view undefined_owner() const;
  // The message an undefined value raises when it is used ("'x' is undefined").
  std::string undefined_message() const;

  // The same value without the Markup mark (strings), or itself.
  Value as_plain() const;
  // The same string marked safe.
  Value as_markup() const;
  // A copy that owns all its bytes (borrowed strings copied), for keeping beyond the
  // Environment's lifetime.
  Value detach() const;

  // The Python type name of the value ("str", "int", "dict", "NoneType", …).
  std::string_view type_name() const;

 private:
  static constexpr uint8_t kHeap = 1;   // payload is a counted block, this value owns a reference
  static constexpr uint8_t kSafe = 2;   // Markup string
  static constexpr uint8_t kAlias = 4;  // payload is a counted block, not owned (alias_of)
  static constexpr uint8_t kEscapeFree = 8;  // string without & < > ' " (escapes_to_itself)

  struct AliasTag {};
  struct Rep;
  // A string value in a block of its own; `scan`: find out whether it escapes to itself.
  static Value make_string(std::string_view s, bool safe, bool scan = true);
  // find(probe) past the remembered position.
  const Value* find_probed(const KeyProbe& probe) const;
  // `r` with a reference of its own (counted blocks retained; aliases become owners).
  [[gnu::always_inline]] void release() noexcept {
    if ((rep_.flags & kHeap) && block()->release()) destroy();
  }
  void destroy() noexcept;
  inline const detail::HeapBlock* block() const;
  const detail::ListBlock* list_block() const { return rep_.u.list; }
  const detail::DictBlock* dict_block() const { return rep_.u.dict; }

  struct Rep {
    Kind kind = Kind::kUndefined;
    uint8_t flags = 0;
    uint8_t aux1 = 0;  // undefined: reason
    uint8_t aux2 = 0;  // undefined: owner type (TypeCode)
    uint32_t len = 0;  // string length
    union {
      bool b;
      int64_t i;
      double f;
      const char* chars;  // strings and undefined details; block = chars - offsetof(data)
      detail::ListBlock* list;
      detail::DictBlock* dict;
      Object* obj;
    } u{};
  } rep_;

  Value(const Rep& rep, AliasTag) noexcept : rep_(rep) {
    if (rep_.flags & kHeap) rep_.flags = static_cast<uint8_t>((rep_.flags & ~kHeap) | kAlias);
  }
  static const detail::HeapBlock* block_of(const Rep& r) noexcept;
  // `r` with a reference of its own (counted blocks retained; aliases become owners).
  [[gnu::always_inline]] static Rep owned(const Rep& r) noexcept;
  // `other`'s representation, taken over (an alias is retained); `other` becomes undefined.
  [[gnu::always_inline]] static Rep take(Value& other) noexcept;

  friend class Object;
  friend class StringBuilder;
};

static_assert(sizeof(Value) == 16, "Value must stay two words");

// Tuples, including groupby()'s named (grouper, list) tuples.
inline bool is_tuple_kind(ListKind k) {
  return k == ListKind::kTuple || k == ListKind::kGroup;
}

namespace detail {
struct DictBlock : HeapBlock {
  std::vector<std::pair<Value, Value>> entries;
  // What a lookup compares before touching a key's bytes, one per entry: hash_key(), size and
  // first 8 bytes (zero-padded) of string keys; keys of up to 8 bytes match on it alone.
  struct KeySig {
    uint32_t hash = 0;
    uint32_t size = UINT32_MAX;  // UINT32_MAX: not a string key
    uint64_t head = 0;
  };
  std::vector<KeySig> sigs;
  // For larger dicts: open-addressing index of entry positions by key hash.
  std::vector<uint32_t> index;  // empty when not built; slots hold position+1, 0 = empty
  const Value* find(std::string_view key, uint32_t hash) const;
  // The position of `key` (hash_key() and first 8 bytes given), or SIZE_MAX.
  size_t find_pos(std::string_view key, uint32_t hash, uint64_t head) const;
  void build_index();
};
}  // namespace detail

inline const Value* Value::find(const KeyProbe& probe) const {
  // Where the key was last time: a short key matches on its signature alone.
  const detail::DictBlock* b = rep_.u.dict;
  uint32_t last = probe.last.load(std::memory_order_relaxed);
  if (last < b->sigs.size() && probe.key.size() <= 8) {
    const detail::DictBlock::KeySig& sig = b->sigs[last];
    if (sig.hash == probe.hash && sig.size == probe.key.size() && sig.head == probe.head)
      return &b->entries[last].second;
  }
  return find_probed(probe);
}

// Base of runtime objects (macros, loop contexts, namespaces, functions…). Objects are
// reference counted like the other blocks. Objects created while rendering belong to that one
// render; objects registered by the site (functions) must be immutable or thread-safe.
class Object : public detail::HeapBlock {
 public:
  virtual ~Object() = default;
  // The Python-style type name, for messages ("Macro", "LoopContext", …).
  virtual std::string_view type_name() const = 0;
  // str(): what `{{ object }}` prints. Defaults to repr.
  virtual void str(std::string& out) const { repr(out); }
  // repr(): how the object prints inside a list or dict.
  virtual void repr(std::string& out) const;
  // The attribute `name`, or false when there is none.
  virtual bool get_attr(std::string_view name, Value& out) const;
  // The attribute `name` where it is stored for the object's whole life (immutable objects),
  // or nullptr (then get_attr computes it).
  virtual const Value* stored_attr(std::string_view) const { return nullptr; }
  // Whether calling the object makes sense.
  virtual bool is_callable() const { return false; }
  // Calls the object (only when `is_callable()`).
  virtual Result<Value> call(CallContext& context, const Args& args);
  // Whether the object's str() is already safe HTML (`__html__`).
  virtual bool is_safe() const { return false; }
  // Drops references to other values: breaks reference cycles of mutable objects when the
  // render that made them ends.
  virtual void clear() {}
};

inline const detail::HeapBlock* Value::block_of(const Rep& r) noexcept {
  switch (r.kind) {
    case Kind::kList:
      return r.u.list;
    case Kind::kDict:
      return r.u.dict;
    case Kind::kObject:
      return r.u.obj;
    default:  // strings and undefined values with details: the header precedes the bytes
      return &reinterpret_cast<const detail::StringBlock*>(r.u.chars -
                                                           offsetof(detail::StringBlock, data))
                  ->header;
  }
}

inline const detail::HeapBlock* Value::block() const {
  return block_of(rep_);
}

inline Value::Rep Value::owned(const Rep& r) noexcept {
  Rep copy = r;
  if (copy.flags & (kHeap | kAlias)) {
    block_of(copy)->retain();
    copy.flags = static_cast<uint8_t>((copy.flags & ~kAlias) | kHeap);
  }
  return copy;
}

inline Value::Rep Value::take(Value& other) noexcept {
  Rep copy = other.rep_;
  if (copy.flags & kAlias) {
    block_of(copy)->retain();
    copy.flags = static_cast<uint8_t>((copy.flags & ~kAlias) | kHeap);
  }
  other.rep_ = Rep{};
  return copy;
}

template <class T>
inline T* Value::object_as() const {
  if (rep_.kind != Kind::kObject) return nullptr;
  if constexpr (std::is_final_v<T>) {
    // An exact type: comparing type_info is a pointer compare, dynamic_cast a walk.
    return typeid(*rep_.u.obj) == typeid(T) ? static_cast<T*>(rep_.u.obj) : nullptr;
  } else {
    return dynamic_cast<T*>(rep_.u.obj);
  }
}

// Builds a string value in its own block, growing it as needed: no std::string in between and
// no copy at the end (filters produce their results with it).
class StringBuilder {
 public:
  explicit StringBuilder(size_t capacity = 0) {
    if (capacity) reserve(capacity);
  }
  ~StringBuilder();
  StringBuilder(const StringBuilder&) = delete;
  StringBuilder& operator=(const StringBuilder&) = delete;

  void reserve(size_t capacity);
  void append(std::string_view s) {
    if (size_ + s.size() > capacity_) reserve(std::max(size_ + s.size(), capacity_ * 2));
    if (!s.empty()) std::memcpy(data() + size_, s.data(), s.size());
    size_ += s.size();
  }
  void push_back(char c) {
    if (size_ + 1 > capacity_) reserve(std::max<size_t>(16, capacity_ * 2));
    data()[size_++] = c;
  }
  StringBuilder& operator+=(std::string_view s) {
    append(s);
    return *this;
  }
  StringBuilder& operator+=(char c) {
    push_back(c);
    return *this;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {block_ ? data() : "", size_}; }
  // The string as a value (Markup when `safe`); the builder is empty afterwards.
  // `escapes_to_itself`: the caller knows the text has none of & < > ' " (made only of
  // parts that escape to themselves), which spares printing it the escaping scan.
  Value build(bool safe = false, bool escapes_to_itself = false);

 private:
  char* data() const;
  detail::StringBlock* block_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Builds a dict entry by entry (later equal keys replace earlier ones in place).
class DictBuilder {
 public:
  DictBuilder() = default;
  explicit DictBuilder(size_t capacity) { entries_.reserve(capacity); }
  DictBuilder& set(Value key, Value value);
  // Appends without checking for an equal key (the caller knows keys are distinct).
  DictBuilder& append(Value key, Value value) {
    entries_.emplace_back(std::move(key), std::move(value));
    return *this;
  }
  size_t size() const { return entries_.size(); }
  Value build() { return Value::dict(std::move(entries_)); }

 private:
  std::vector<std::pair<Value, Value>> entries_;
};

}  // namespace gazette::templating
