// Test support: a small JSON reader for the fixtures' expected findings (objects, arrays,
// strings with escapes, numbers kept as text, true, false, null). Malformed JSON fails the test
// with the offset.
//
//   bmm_test::json j = bmm_test::json::parse(text);
//   j["counts"]["agrees"].number();       // "82"
//   for (const auto& f : j["findings"].items()) f["verdict"].str();
#pragma once

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bmm_test {

class json {
public:
    enum kind_t { null, boolean, number_k, string_k, array, object };

    static json parse(std::string_view text) {
        std::size_t i = 0;
        json j = value(text, i);
        skip(text, i);
        REQUIRE_MESSAGE(i == text.size(), "JSON: text after the value at offset " << i);
        return j;
    }

    [[nodiscard]] kind_t kind() const noexcept { return kind_; }
    [[nodiscard]] bool is_null() const noexcept { return kind_ == null; }
    [[nodiscard]] const std::string& str() const {
        REQUIRE(kind_ == string_k);
        return text_;
    }
    [[nodiscard]] const std::string& number() const {
        REQUIRE(kind_ == number_k);
        return text_;
    }
    [[nodiscard]] bool truth() const {
        REQUIRE(kind_ == boolean);
        return text_ == "true";
    }
    [[nodiscard]] const std::vector<json>& items() const {
        REQUIRE(kind_ == array);
        return items_;
    }
    [[nodiscard]] bool has(const std::string& key) const {
        if (kind_ != object) return false;
        for (const std::string& k : keys_) {
            if (k == key) return true;
        }
        return false;
    }
    [[nodiscard]] const json& operator[](const std::string& key) const {
        REQUIRE(kind_ == object);
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            if (keys_[i] == key) return values_[i];
        }
        FAIL("JSON: no member " << key);
        return *this;
    }

private:
    static void skip(std::string_view t, std::size_t& i) {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    }
    static void put_utf8(std::string& s, unsigned long c) {
        if (c < 0x80) {
            s += static_cast<char>(c);
        } else if (c < 0x800) {
            s += static_cast<char>(0xC0 | (c >> 6));
            s += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            s += static_cast<char>(0xE0 | (c >> 12));
            s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            s += static_cast<char>(0xF0 | (c >> 18));
            s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    static unsigned long hex4(std::string_view t, std::size_t& i) {
        REQUIRE_MESSAGE(i + 4 <= t.size(), "JSON: short \\u escape at offset " << i);
        const unsigned long c = std::stoul(std::string(t.substr(i, 4)), nullptr, 16);
        i += 4;
        return c;
    }
    static std::string string_at(std::string_view t, std::size_t& i) {
        REQUIRE_MESSAGE(t[i] == '"', "JSON: expected a string at offset " << i);
        ++i;
        std::string s;
        while (i < t.size() && t[i] != '"') {
            if (t[i] != '\\') {
                s += t[i++];
                continue;
            }
            ++i;
            REQUIRE_MESSAGE(i < t.size(), "JSON: escape at the end");
            const char e = t[i++];
            switch (e) {
                case 'n':
                    s += '\n';
                    break;
                case 't':
                    s += '\t';
                    break;
                case 'r':
                    s += '\r';
                    break;
                case 'b':
                    s += '\b';
                    break;
                case 'f':
                    s += '\f';
                    break;
                case 'u': {
                    unsigned long c = hex4(t, i);
                    if (c >= 0xD800 && c < 0xDC00 && i + 6 <= t.size() && t[i] == '\\' &&
                        t[i + 1] == 'u') {
                        i += 2;
                        const unsigned long lo = hex4(t, i);
                        c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                    }
                    put_utf8(s, c);
                    break;
                }
                default:
                    s += e;
                    break;
            }
        }
        REQUIRE_MESSAGE(i < t.size(), "JSON: string not closed");
        ++i;
        return s;
    }
    static json value(std::string_view t, std::size_t& i) {
        skip(t, i);
        REQUIRE_MESSAGE(i < t.size(), "JSON: expected a value at the end");
        json j;
        const char c = t[i];
        if (c == '{') {
            j.kind_ = object;
            ++i;
            skip(t, i);
            if (t[i] == '}') {
                ++i;
                return j;
            }
            for (;;) {
                skip(t, i);
                std::string key = string_at(t, i);
                skip(t, i);
                REQUIRE_MESSAGE(t[i] == ':', "JSON: expected ':' at offset " << i);
                ++i;
                j.keys_.push_back(std::move(key));
                j.values_.push_back(value(t, i));
                skip(t, i);
                if (t[i] == ',') {
                    ++i;
                    continue;
                }
                REQUIRE_MESSAGE(t[i] == '}', "JSON: expected '}' at offset " << i);
                ++i;
                return j;
            }
        }
        if (c == '[') {
            j.kind_ = array;
            ++i;
            skip(t, i);
            if (t[i] == ']') {
                ++i;
                return j;
            }
            for (;;) {
                j.items_.push_back(value(t, i));
                skip(t, i);
                if (t[i] == ',') {
                    ++i;
                    continue;
                }
                REQUIRE_MESSAGE(t[i] == ']', "JSON: expected ']' at offset " << i);
                ++i;
                return j;
            }
        }
        if (c == '"') {
            j.kind_ = string_k;
            j.text_ = string_at(t, i);
            return j;
        }
        for (const char* w : {"true", "false", "null"}) {
            const std::string_view word(w);
            if (t.substr(i, word.size()) == word) {
                i += word.size();
                j.kind_ = word == "null" ? null : boolean;
                j.text_ = std::string(word);
                return j;
            }
        }
        const std::size_t start = i;
        while (i < t.size() && (t[i] == '-' || t[i] == '+' || t[i] == '.' || t[i] == 'e' ||
                                t[i] == 'E' || (t[i] >= '0' && t[i] <= '9'))) {
            ++i;
        }
        REQUIRE_MESSAGE(i > start, "JSON: unexpected character at offset " << i);
        j.kind_ = number_k;
        j.text_ = std::string(t.substr(start, i - start));
        return j;
    }

    kind_t kind_ = null;
    std::string text_;
    std::vector<json> items_;
    std::vector<std::string> keys_;
    std::vector<json> values_;
};

}  // namespace bmm_test
