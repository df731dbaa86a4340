#include "markdown/body_html.hpp"

#include "markdown/blocks.hpp"

namespace gazette::markdown {

std::string body_html(const std::vector<model::Block>& body, const HtmlOptions& options) {
  return render_html(body_markdown(body), options);
}

}  // namespace gazette::markdown
