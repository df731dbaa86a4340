#include "site/taxonomy.hpp"

#include <algorithm>
#include <unordered_set>

namespace gazette::site {

model::Taxonomy make_taxonomy(const std::string& name, std::vector<TermUse> terms,
                              const model::Site& site, const TermTools& tools) {
  // Sort keys once; equal keys (different spellings the collator treats alike) fall back to
  // byte order so the order never depends on input order.
  std::vector<std::pair<std::string, size_t>> order;
  order.reserve(terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    order.emplace_back(tools.collation.sort_key(terms[i].name), i);
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return terms[a.second].name < terms[b.second].name;
  });

  // Each article's issue, read once in order (not looked up term by term, article by article).
  std::vector<int> issue_of(site.articles.size());
  for (size_t a = 0; a < site.articles.size(); ++a) issue_of[a] = site.articles[a].issue;

  model::Taxonomy tax;
  tax.name = name;
  tax.terms.reserve(terms.size());
  std::unordered_set<std::string> slugs;
  for (const auto& [key, i] : order) {
    TermUse& use = terms[i];
    model::Term term;
    term.name = use.name;
    term.kind = use.kind;
    term.heading = tools.headings.heading(use.name);
    std::string base = tools.slugger.slug(use.name);
    if (base.empty()) base = "term";
    std::string slug = base;
    for (int n = 2; !slugs.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
    term.slug = slug;
    term.url = name + "/" + slug + "/";
    // Newest issue first; within an issue, in the issue's order. Articles are numbered issue
    // by issue in issue order, so the ascending list (as gathered, mostly) is reversed, then
    // each issue's run is put back in its order.
    std::vector<int>& articles = use.articles;
    if (!std::is_sorted(articles.begin(), articles.end()))
      std::sort(articles.begin(), articles.end());
    articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
    std::reverse(articles.begin(), articles.end());
    for (auto run = articles.begin(); run != articles.end();) {
      const int issue = issue_of[static_cast<size_t>(*run)];
      auto next = std::find_if(run, articles.end(),
                               [&](int a) { return issue_of[static_cast<size_t>(a)] != issue; });
      std::reverse(run, next);
      run = next;
    }
    term.articles = std::move(articles);
    tax.by_name.emplace(term.name, static_cast<int>(tax.terms.size()));
    tax.terms.push_back(std::move(term));
  }
  return tax;
}

}  // namespace gazette::site
