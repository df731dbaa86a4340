#include "server/live_reload.hpp"

#include <nlohmann/json.hpp>

namespace gazette::server {

void LiveReload::publish(std::vector<Error> errors) {
  {
    std::lock_guard lock(mutex_);
    ++generation_;
    errors_ = std::move(errors);
  }
  changed_.notify_all();
}

std::uint64_t LiveReload::wait(std::uint64_t seen, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopped_ || generation_ > seen; });
  return generation_;
}

void LiveReload::stop() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

bool LiveReload::stopped() const {
  std::lock_guard lock(mutex_);
  return stopped_;
}

std::uint64_t LiveReload::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

std::string LiveReload::status_json() const {
  std::lock_guard lock(mutex_);
  nlohmann::json errors = nlohmann::json::array();
  for (const Error& e : errors_) {
    errors.push_back({{"path", e.path},
                      {"line", e.line},
                      {"column", e.column},
                      {"message", e.message},
                      {"source_line", e.source_line},
                      {"text", format_error(e)}});
  }
  nlohmann::json status{{"generation", generation_}, {"errors", errors}};
  return status.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string_view LiveReload::client_script() {
  return R"JS((function () {
  "use strict";
  var base = "/__gazette/";
  var overlay = null;
  function showErrors(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "gazette-error-overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,20,20,.94);color:#f8f8f2;font:14px/1.5 ui-monospace,monospace;padding:2em";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.style.cssText = "color:#ff6b6b;font-size:18px;margin:0 0 1em";
    h.textContent = "gazette: the last build failed (" + errors.length + " error" +
      (errors.length === 1 ? "" : "s") + "); still showing the last good site";
    overlay.appendChild(h);
    errors.forEach(function (e) {
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0 0 1.5em";
      pre.textContent = e.text;
      overlay.appendChild(pre);
    });
  }
  function hideErrors() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  var seen = null;
  function apply(status, reloadIfNewer) {
    if (status.errors.length) { showErrors(status.errors); }
    else if (reloadIfNewer && seen !== null && status.generation > seen) { location.reload(); return; }
    else { hideErrors(); }
    seen = status.generation;
  }
  fetch(base + "status", {cache: "no-store"}).then(function (r) { return r.json(); })
    .then(function (s) { apply(s, false); }).catch(function () {});
  if (!window.EventSource) return;
  var source = new EventSource(base + "events");
  source.addEventListener("build", function (ev) { apply(JSON.parse(ev.data), true); });
})();
)JS";
}

std::string inject_live_reload(std::string_view html) {
  static constexpr std::string_view kTag = "<script src=\"/__gazette/live.js\"></script>";
  size_t body = html.rfind("</body>");
  std::string out;
  out.reserve(html.size() + kTag.size());
  if (body == std::string_view::npos) {
    out.append(html).append(kTag);
  } else {
    out.append(html.substr(0, body)).append(kTag).append(html.substr(body));
  }
  return out;
}

}  // namespace gazette::server
