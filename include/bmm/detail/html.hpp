// bmm — detail/html: text escaped for HTML, shared by the report's and the MTFS's pages.
#pragma once

#include <string>
#include <string_view>

namespace bmm::detail {

/// Returns: `text` with & < > " ' as entities and each control character but tab, line feed and
/// carriage return (and DEL) as U+FFFD, so that no data can become markup.
[[nodiscard]] inline std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                if ((b < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || b == 0x7f) {
                    out += "&#xFFFD;";
                } else {
                    out += ch;
                }
        }
    }
    return out;
}

}  // namespace bmm::detail
