#include "templating/value.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <new>
#include <string>

#include "templating/call.hpp"
#include "templating/html.hpp"
#include "templating/ops.hpp"
#include "templating/pyformat.hpp"

namespace gazette::templating {

namespace {

// Type codes of the owners of missing attributes, for messages.
enum TypeCode : uint8_t {
  kTypeNone,
  kTypeBool,
  kTypeInt,
  kTypeFloat,
  kTypeStr,
  kTypeList,
  kTypeTuple,
  kTypeGenerator,
  kTypeRange,
  kTypeDictItems,
  kTypeDictKeys,
  kTypeDictValues,
  kTypeDict,
  kTypeObject,
  kTypeUndefined,
};

constexpr std::string_view kTypeNames[] = {
    "NoneType", "bool",       "int",       "float",       "str",  "list",   "tuple",    "generator",
    "range",    "dict_items", "dict_keys", "dict_values", "dict", "object", "Undefined"};

TypeCode type_code(const Value& v) {
  switch (v.kind()) {
    case Kind::kUndefined:
      return kTypeUndefined;
    case Kind::kNone:
      return kTypeNone;
    case Kind::kBool:
      return kTypeBool;
    case Kind::kInt:
      return kTypeInt;
    case Kind::kFloat:
      return kTypeFloat;
    case Kind::kString:
      return kTypeStr;
    case Kind::kDict:
      return kTypeDict;
    case Kind::kObject:
      return kTypeObject;
    case Kind::kList:
      switch (v.list_kind()) {
        case ListKind::kList:
          return kTypeList;
        case ListKind::kTuple:
        case ListKind::kGroup:
          return kTypeTuple;
        case ListKind::kIterator:
          return kTypeGenerator;
        case ListKind::kRange:
          return kTypeRange;
        case ListKind::kDictItems:
          return kTypeDictItems;
        case ListKind::kDictKeys:
          return kTypeDictKeys;
        case ListKind::kDictValues:
          return kTypeDictValues;
      }
  }
  return kTypeObject;
}

// --- string block memory ---
// A render makes and drops hundreds of short strings a page (filter results). Their blocks
// come in size classes (powers of two, 32 to 1024 bytes), and a few freed blocks of each class
// wait in a per-thread cache for the next string: much cheaper than malloc's fast path. Blocks
// may be freed by another thread than the one that made them (shared values): they are plain
// operator new memory either way. Not under AddressSanitizer, which must see every free.
#if defined(__SANITIZE_ADDRESS__)
#define GAZETTE_BLOCK_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GAZETTE_BLOCK_CACHE 0
#endif
#endif
#ifndef GAZETTE_BLOCK_CACHE
#define GAZETTE_BLOCK_CACHE 1
#endif

constexpr size_t kStringHeader = offsetof(detail::StringBlock, data);

#if GAZETTE_BLOCK_CACHE
constexpr int kBlockClasses = 6;
constexpr size_t kSmallestBlock = 32;
constexpr uint32_t kCachedPerClass = 64;

// The smallest class holding `bytes`, or -1 when none does.
inline int block_class(size_t bytes) {
  if (bytes <= kSmallestBlock) return 0;
  if (bytes > kSmallestBlock << (kBlockClasses - 1)) return -1;
  return std::bit_width(bytes - 1) - 5;
}

// Trivially destructible, so that it outlives everything else of its thread: values freed
// by later destructors (a static value, say) still find it. Its blocks are given back by
// BlockCacheDrain when the thread ends, after which nothing is cached any more.
struct BlockCache {
  void* blocks[kBlockClasses][kCachedPerClass];
  uint32_t count[kBlockClasses];
  bool draining_registered;
  bool drained;
};
thread_local BlockCache block_cache{};

struct BlockCacheDrain {
  ~BlockCacheDrain() {
    BlockCache& cache = block_cache;
    for (int c = 0; c < kBlockClasses; ++c) {
      for (uint32_t i = 0; i < cache.count[c]; ++i) ::operator delete(cache.blocks[c][i]);
      cache.count[c] = 0;
    }
    cache.drained = true;
  }
};
thread_local BlockCacheDrain block_cache_drain;
#endif

// Memory for a string block of at least `bytes` bytes.
void* allocate_block(size_t bytes) {
#if GAZETTE_BLOCK_CACHE
  int c = block_class(bytes);
  if (c >= 0) {
    BlockCache& cache = block_cache;
    if (cache.count[c]) return cache.blocks[c][--cache.count[c]];
    return ::operator new(kSmallestBlock << c);
  }
#endif
  return ::operator new(bytes);
}

// Frees a string block holding `size` bytes of text (allocated for at least that many).
void free_block(detail::StringBlock* block, size_t size) {
  block->~StringBlock();
#if GAZETTE_BLOCK_CACHE
  // Every block is at least as large as the class of what it holds: blocks of a class are
  // rounded up to it, larger ones are larger than every class.
  int c = block_class(kStringHeader + size + 1);
  if (c >= 0) {
    BlockCache& cache = block_cache;
    if (cache.count[c] < kCachedPerClass && !cache.drained) {
      if (!cache.draining_registered) {
        cache.draining_registered = true;
        [[maybe_unused]] BlockCacheDrain* drain = &block_cache_drain;  // constructs it
      }
      cache.blocks[c][cache.count[c]++] = block;
      return;
    }
  }
#else
  (void)size;
#endif
  ::operator delete(block);
}

detail::StringBlock* new_string_block(std::string_view s) {
  void* mem = allocate_block(std::max(sizeof(detail::StringBlock), kStringHeader + s.size() + 1));
  auto* block = new (mem) detail::StringBlock();
  block->size = static_cast<uint32_t>(s.size());
  if (!s.empty()) std::memcpy(block->data, s.data(), s.size());
  block->data[s.size()] = '\0';
  return block;
}

uint32_t hash_string(std::string_view s) {
  // FNV-1a: keys are short. Never 0 (0 marks keys that are not strings).
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h ? h : 1;
}

}  // namespace

// --- blocks ---

void Value::destroy() noexcept {
  switch (rep_.kind) {
    case Kind::kString:
    case Kind::kUndefined: {
      auto* b = reinterpret_cast<detail::StringBlock*>(const_cast<char*>(rep_.u.chars) -
                                                       offsetof(detail::StringBlock, data));
      free_block(b, b->size);
      break;
    }
    case Kind::kList:
      delete rep_.u.list;
      break;
    case Kind::kDict:
      delete rep_.u.dict;
      break;
    case Kind::kObject:
      delete rep_.u.obj;
      break;
    default:
      break;
  }
  rep_.kind = Kind::kUndefined;
  rep_.flags = 0;
}

// --- strings ---

char* StringBuilder::data() const {
  return block_->data;
}

void StringBuilder::reserve(size_t capacity) {
  if (capacity <= capacity_ && block_) return;
  size_t bytes = std::max(sizeof(detail::StringBlock), kStringHeader + capacity + 1);
  void* mem = allocate_block(bytes);
  auto* block = new (mem) detail::StringBlock();
  if (block_) {
    std::memcpy(block->data, block_->data, size_);
    free_block(block_, capacity_);
  }
  block_ = block;
  capacity_ = capacity;
}

StringBuilder::~StringBuilder() {
  if (block_) free_block(block_, capacity_);
}

Value StringBuilder::build(bool safe, bool escapes_to_itself) {
  if (size_ == 0) {
    Value v = Value::make_string({}, safe);
    return v;
  }
  detail::StringBlock* b = block_;
  block_ = nullptr;
  b->size = static_cast<uint32_t>(size_);
  b->data[size_] = '\0';
  size_ = capacity_ = 0;
  Value v;
  v.rep_.kind = Kind::kString;
  v.rep_.flags =
      Value::kHeap | (safe ? Value::kSafe : 0) | (escapes_to_itself ? Value::kEscapeFree : 0);
  v.rep_.u.chars = b->data;
  v.rep_.len = b->size;
  return v;
}

Value Value::make_string(std::string_view s, bool safe, bool scan) {
  Value v;
  v.rep_.kind = Kind::kString;
  v.rep_.flags =
      static_cast<uint8_t>((safe ? kSafe : 0) | (!scan || needs_escaping(s) ? 0 : kEscapeFree));
  if (s.empty()) {
    v.rep_.u.chars = "";
    v.rep_.len = 0;
    return v;
  }
  detail::StringBlock* b = new_string_block(s);
  v.rep_.flags |= kHeap;
  v.rep_.u.chars = b->data;
  v.rep_.len = b->size;
  return v;
}

Value Value::substring(const Value& s, size_t from, size_t to) {
  std::string_view text = s.as_string();
  if (from == 0 && to == text.size()) return s;
  std::string_view part = text.substr(from, to - from);
  if (from == 0 || !(s.rep_.flags & kHeap)) {
    // A prefix (a block is found from the start of its text) or uncounted bytes: shared.
    Value v(s);
    v.rep_.u.chars = part.data();
    v.rep_.len = static_cast<uint32_t>(part.size());
    if (!(v.rep_.flags & kEscapeFree) && !needs_escaping(part)) v.rep_.flags |= kEscapeFree;
    return v;
  }
  if (s.rep_.flags & kEscapeFree) {
    Value v = make_string(part, s.is_safe(), /*scan=*/false);
    v.rep_.flags |= kEscapeFree;
    return v;
  }
  return make_string(part, s.is_safe());
}

Value Value::borrowed(std::string_view s, bool safe) {
  Value v;
  v.rep_.kind = Kind::kString;
  v.rep_.flags = static_cast<uint8_t>((safe ? kSafe : 0) | (needs_escaping(s) ? 0 : kEscapeFree));
  v.rep_.u.chars = s.empty() ? "" : s.data();
  v.rep_.len = static_cast<uint32_t>(s.size());
  return v;
}

Value Value::as_plain() const {
  if (rep_.kind != Kind::kString || !(rep_.flags & kSafe)) return *this;
  Value v(*this);
  v.rep_.flags &= static_cast<uint8_t>(~kSafe);
  return v;
}

Value Value::as_markup() const {
  if (rep_.kind != Kind::kString) return *this;
  Value v(*this);
  v.rep_.flags |= kSafe;
  return v;
}

Value Value::detach() const {
  switch (rep_.kind) {
    case Kind::kString:
      if (!(rep_.flags & kHeap)) return make_string(as_string(), is_safe());
      return *this;
    case Kind::kList: {
      std::vector<Value> items;
      items.reserve(this->items().size());
      for (const Value& item : this->items()) items.push_back(item.detach());
      Value v = list(std::move(items), list_kind());
      v.rep_.u.list->range_start = range_start();
      v.rep_.u.list->range_stop = range_stop();
      v.rep_.u.list->range_step = range_step();
      return v;
    }
    case Kind::kDict: {
      std::vector<std::pair<Value, Value>> out;
      for (const auto& [k, val] : entries()) out.emplace_back(k.detach(), val.detach());
      return dict(std::move(out));
    }
    case Kind::kUndefined:
      if (rep_.len && !(rep_.flags & kHeap)) {
        Value v = make_string(as_string(), false);
        v.rep_.kind = Kind::kUndefined;
        v.rep_.aux1 = rep_.aux1;
        v.rep_.aux2 = rep_.aux2;
        return v;
      }
      return *this;
    default:
      return *this;
  }
}

// --- lists ---

Value Value::list(std::vector<Value> items, ListKind kind) {
  auto* b = new detail::ListBlock();
  b->items = std::move(items);
  b->list_kind = kind;
  Value v;
  v.rep_.kind = Kind::kList;
  v.rep_.flags = kHeap;
  v.rep_.u.list = b;
  return v;
}

Value Value::range(int64_t start, int64_t stop, int64_t step) {
  std::vector<Value> items;
  if (step > 0) {
    for (int64_t i = start; i < stop; i += step) {
      items.emplace_back(i);
      if (stop - i <= step) break;
    }
  } else if (step < 0) {
    for (int64_t i = start; i > stop; i += step) {
      items.emplace_back(i);
      if (i - stop <= -step) break;
    }
  }
  Value v = list(std::move(items), ListKind::kRange);
  v.rep_.u.list->range_start = start;
  v.rep_.u.list->range_stop = stop;
  v.rep_.u.list->range_step = step;
  return v;
}

// --- dicts ---

std::span<const std::pair<Value, Value>> Value::entries() const {
  return rep_.u.dict->entries;
}

namespace {
// The first (up to) 8 bytes of a key, zero-padded.
// (Assembled from whole loads: bytes copied into a variable and read back as one word stall
// the load until the stores retire.)
inline uint64_t key_head(std::string_view key) {
  const char* p = key.data();
  size_t n = key.size();
  auto load32 = [](const char* at) {
    uint32_t v;
    std::memcpy(&v, at, 4);
    return static_cast<uint64_t>(v);
  };
  if (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  if (n >= 4) return load32(p) | ((load32(p + n - 4) >> (8 * (8 - n))) << 32);
  if (n == 0) return 0;
  auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(p[i])); };
  return byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
}

inline bool same_key(const detail::DictBlock::KeySig& sig, uint32_t hash, uint64_t head,
                     std::string_view key, const Value& stored) {
  if (sig.hash != hash || sig.size != key.size() || sig.head != head) return false;
  return key.size() <= 8 ||
         std::memcmp(stored.as_string().data() + 8, key.data() + 8, key.size() - 8) == 0;
}

detail::DictBlock::KeySig key_sig(const Value& key) {
  detail::DictBlock::KeySig sig;
  if (key.is_string()) {
    std::string_view s = key.as_string();
    sig.hash = hash_string(s);
    sig.size = static_cast<uint32_t>(s.size());
    sig.head = key_head(s);
  }
  return sig;
}
}  // namespace

size_t detail::DictBlock::find_pos(std::string_view key, uint32_t hash, uint64_t head) const {
  const KeySig* sig = sigs.data();
  if (!index.empty()) {
    size_t mask = index.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      uint32_t slot = index[i];
      if (slot == 0) return SIZE_MAX;
      if (same_key(sig[slot - 1], hash, head, key, entries[slot - 1].first)) return slot - 1;
    }
  }
  for (size_t i = 0, n = sigs.size(); i < n; ++i) {
    if (same_key(sig[i], hash, head, key, entries[i].first)) return i;
  }
  return SIZE_MAX;
}

const Value* detail::DictBlock::find(std::string_view key, uint32_t hash) const {
  size_t pos = find_pos(key, hash, key_head(key));
  return pos == SIZE_MAX ? nullptr : &entries[pos].second;
}

void detail::DictBlock::build_index() {
  sigs.resize(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) sigs[i] = key_sig(entries[i].first);
  index.clear();
  if (entries.size() <= 8) return;
  size_t cap = 16;
  while (cap < entries.size() * 2) cap *= 2;
  index.assign(cap, 0);
  size_t mask = cap - 1;
  for (size_t pos = 0; pos < entries.size(); ++pos) {
    if (!entries[pos].first.is_string()) continue;
    for (size_t i = sigs[pos].hash & mask;; i = (i + 1) & mask) {
      if (index[i] == 0) {
        index[i] = static_cast<uint32_t>(pos + 1);
        break;
      }
    }
  }
}

uint32_t Value::hash_key(std::string_view key) {
  return hash_string(key);
}

const Value* Value::find(std::string_view key) const {
  return rep_.u.dict->find(key, hash_string(key));
}

const Value* Value::find(std::string_view key, uint32_t hash) const {
  return rep_.u.dict->find(key, hash);
}

KeyProbe::KeyProbe(std::string_view k) : key(k), hash(hash_string(k)), head(key_head(k)) {}

const Value* Value::find_probed(const KeyProbe& probe) const {
  const detail::DictBlock* b = rep_.u.dict;
  uint32_t last = probe.last.load(std::memory_order_relaxed);
  if (last < b->sigs.size() &&
      same_key(b->sigs[last], probe.hash, probe.head, probe.key, b->entries[last].first)) {
    return &b->entries[last].second;
  }
  size_t pos = b->find_pos(probe.key, probe.hash, probe.head);
  if (pos == SIZE_MAX) return nullptr;
  probe.last.store(static_cast<uint32_t>(pos), std::memory_order_relaxed);
  return &b->entries[pos].second;
}

const Value* Value::find_key(const Value& key) const {
  if (key.is_string()) return find(key.as_string());
  for (const auto& e : rep_.u.dict->entries) {
    if (python_keys_equal(e.first, key)) return &e.second;
  }
  return nullptr;
}

Value Value::dict(std::vector<std::pair<Value, Value>> entries) {
  auto* b = new detail::DictBlock();
  // Later duplicates replace earlier entries in place (Python's dict literal semantics).
  bool all_string = true;
  for (const auto& e : entries) all_string = all_string && e.first.is_string();
  if (entries.size() > 8 && all_string) {
    b->entries.reserve(entries.size());
    b->entries = std::move(entries);
    b->build_index();
    // Detect duplicates through the index: rebuild without them when there are any.
    bool duplicates = false;
    for (size_t pos = 0; pos < b->entries.size() && !duplicates; ++pos) {
      const Value* found = b->find(b->entries[pos].first.as_string(), b->sigs[pos].hash);
      duplicates = found != &b->entries[pos].second;
    }
    if (duplicates) {
      std::vector<std::pair<Value, Value>> all = std::move(b->entries);
      b->entries.clear();
      b->index.clear();
      for (auto& e : all) {
        bool replaced = false;
        for (auto& existing : b->entries) {
          if (existing.first.as_string() == e.first.as_string()) {
            existing.second = std::move(e.second);
            replaced = true;
            break;
          }
        }
        if (!replaced) b->entries.push_back(std::move(e));
      }
      b->build_index();
    }
  } else {
    b->entries.reserve(entries.size());
    for (auto& e : entries) {
      bool replaced = false;
      for (auto& existing : b->entries) {
        if (python_keys_equal(existing.first, e.first)) {
          existing.second = std::move(e.second);
          replaced = true;
          break;
        }
      }
      if (!replaced) b->entries.push_back(std::move(e));
    }
    b->build_index();
  }
  Value v;
  v.rep_.kind = Kind::kDict;
  v.rep_.flags = kHeap;
  v.rep_.u.dict = b;
  return v;
}

Value Value::dict(std::initializer_list<std::pair<std::string_view, Value>> entries) {
  std::vector<std::pair<Value, Value>> out;
  out.reserve(entries.size());
  for (const auto& [k, v] : entries) out.emplace_back(Value(k), v);
  return dict(std::move(out));
}

DictBuilder& DictBuilder::set(Value key, Value value) {
  for (auto& e : entries_) {
    if (python_keys_equal(e.first, key)) {
      e.second = std::move(value);
      return *this;
    }
  }
  entries_.emplace_back(std::move(key), std::move(value));
  return *this;
}

// --- objects ---

Value Value::object(Object* object) {
  Value v;
  v.rep_.kind = Kind::kObject;
  v.rep_.flags = kHeap;
  v.rep_.u.obj = object;
  return v;
}

Value Value::object_ref(const Object* object) {
  object->retain();
  return Value::object(const_cast<Object*>(object));
}

void Object::repr(std::string& out) const {
  out += '<';
  out += type_name();
  out += " object>";
}

bool Object::get_attr(std::string_view, Value&) const {
  return false;
}

Result<Value> Object::call(CallContext&, const Args&) {
  return failure("'" + std::string(type_name()) + "' object is not callable");
}

// --- undefined ---

Value Value::undefined_name(std::string_view name) {
  Value v = make_string(name, false);
  v.rep_.kind = Kind::kUndefined;
  v.rep_.flags &= static_cast<uint8_t>(~kSafe);
  v.rep_.aux1 = static_cast<uint8_t>(UndefinedReason::kName);
  return v;
}

Value Value::undefined_attribute(const Value& owner, std::string_view attribute) {
  Value v = undefined_name(attribute);
  v.rep_.aux1 = static_cast<uint8_t>(UndefinedReason::kAttribute);
  v.rep_.aux2 = type_code(owner);
  return v;
}

Value Value::undefined_element(const Value& owner, const Value& key) {
  if (key.is_string()) return undefined_attribute(owner, key.as_string());
  std::string text;
  python_repr(key, text);
  Value v = undefined_name(text);
  v.rep_.aux1 = static_cast<uint8_t>(UndefinedReason::kElement);
  v.rep_.aux2 = type_code(owner);
  return v;
}

Value Value::undefined_message(std::string_view message) {
  Value v = undefined_name(message);
  v.rep_.aux1 = static_cast<uint8_t>(UndefinedReason::kMessage);
  return v;
}

std::string_view Value::undefined_owner() const {
  return kTypeNames[rep_.aux2];
}

std::string Value::undefined_message() const {
  std::string_view detail = as_string();
  switch (undefined_reason()) {
    case UndefinedReason::kPlain:
      return "value is undefined";
    case UndefinedReason::kName:
      return "'" + std::string(detail) + "' is undefined";
    case UndefinedReason::kAttribute:
      if (rep_.aux2 == kTypeNone) return "'None' has no attribute '" + std::string(detail) + "'";
      return "'" + std::string(undefined_owner()) + " object' has no attribute '" +
             std::string(detail) + "'";
    case UndefinedReason::kElement:
      return std::string(undefined_owner()) + " object has no element " + std::string(detail);
    case UndefinedReason::kMessage:
      return std::string(detail);
  }
  return "value is undefined";
}

std::string_view Value::type_name() const {
  if (rep_.kind == Kind::kObject) return rep_.u.obj->type_name();
  return kTypeNames[type_code(*this)];
}

}  // namespace gazette::templating
