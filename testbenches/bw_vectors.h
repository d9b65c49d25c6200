// Bitweave co-simulation harness: reader for the vector file written by bitweave.cosim.VectorFile.
//
// Format (text, one record per line, fields separated by one space):
//   bitweave-vectors 1
//   stream <name> input|output      one per stream: the inputs in order, then the output
//   field <port> <width> [pairs W]  one per field of the stream above; "pairs W": a carry-save output
//                                   field (ports <port>_sum, <port>_carry) whose W-bit elements are compared
//                                   as (sum + carry) mod 2^W with the value in the file
//   end-header
//   counts <vectors> <input-beats> <expected-beats>
//   <stream> <vector> <hex> ...     input-beats lines: input beats in the order they are offered
//   <stream> <vector> <hex> ...     expected-beats lines: expected output beats in order
// The header (magic line to end-header) must equal, line for line, the header compiled into the glue
// (kHeader), so a vector file made for another design, or another version of it, is refused.
// Each <hex> is one field, lower-case, exactly ceil(width/4) digits, no prefix.
//
// The harness opens the file twice: one reader walks the input beats, the other the expected beats,
// so memory use does not grow with the number of vectors.
#ifndef BW_VECTORS_H
#define BW_VECTORS_H

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bw {

// What the reader needs to know about a stream: its name and its field widths, in field order.
struct StreamLayout {
    std::string name;
    std::vector<int> widths;
};

// One beat: which stream (index into the layout list), which vector, and the field values as
// little-endian 32-bit words, fields one after the other (field f starts at wordOffset(f)).
struct BeatRecord {
    int stream = -1;
    long vector = -1;
    std::vector<uint32_t> words;
};

struct Counts {
    long vectors = 0;
    long inputs = 0;
    long expected = 0;
};

class FormatError : public std::runtime_error {
  public:
    explicit FormatError(const std::string& what) : std::runtime_error(what) {}
};

inline int wordsFor(int width) { return (width + 31) / 32; }
inline int hexDigitsFor(int width) { return (width + 3) / 4; }

// Formats words (little-endian) as exactly hexDigitsFor(width) lower-case hex digits.
inline std::string toHex(const uint32_t* w, int width) {
    static const char* digits = "0123456789abcdef";
    const int n = hexDigitsFor(width);
    std::string s(static_cast<std::size_t>(n), '0');
    for (int d = 0; d < n; ++d) {  // d = digit index from the least significant end
        const uint32_t nibble = (w[d / 8] >> (4 * (d % 8))) & 0xfu;
        s[static_cast<std::size_t>(n - 1 - d)] = digits[nibble];
    }
    return s;
}

class VectorReader {
  public:
    VectorReader(const std::string& path, std::vector<StreamLayout> layouts)
        : m_path(path), m_layouts(std::move(layouts)), m_in(path) {
        if (!m_in) throw FormatError("cannot open vector file " + path);
    }

    // Reads the header and checks it against the glue's expected lines (nullptr-terminated).
    void readHeader(const char* const* expectedHeader) {
        for (int i = 0; expectedHeader[i] != nullptr; ++i) {
            std::string line;
            if (!nextLine(line)) fail("file ends inside the header");
            if (line != expectedHeader[i]) {
                fail("header does not match the compiled design: expected '" +
                     std::string(expectedHeader[i]) + "', found '" + line +
                     "' (vector file made for another design?)");
            }
        }
        std::string line;
        if (!nextLine(line)) fail("missing counts line");
        char extra = 0;
        if (std::sscanf(line.c_str(), "counts %ld %ld %ld %c", &m_counts.vectors, &m_counts.inputs,
                        &m_counts.expected, &extra) != 3 ||
            m_counts.vectors < 0 || m_counts.inputs < 0 || m_counts.expected < 0) {
            fail("malformed counts line '" + line + "'");
        }
    }

    const Counts& counts() const { return m_counts; }

    // Skips n beat lines (the second reader uses this to reach the expected beats).
    void skipBeats(long n) {
        std::string line;
        for (long i = 0; i < n; ++i) {
            if (!nextLine(line)) fail("file ends before the expected beats");
        }
    }

    // A place in the file to come back to: skipping the input beats once is enough for several runs.
    struct Mark {
        std::streampos pos;
        long lineNo;
    };
    Mark mark() { return Mark{m_in.tellg(), m_lineNo}; }
    void seek(const Mark& m) {
        m_in.clear();
        m_in.seekg(m.pos);
        if (!m_in) fail("cannot seek in the vector file");
        m_lineNo = m.lineNo;
    }

    // Reads the next beat line; `wantInput` says which kind of stream it must name.
    void readBeat(BeatRecord& beat, bool wantInput, int outputStream) {
        std::string line;
        if (!nextLine(line)) fail("file ends before the announced number of beats");
        std::size_t pos = 0;
        const std::string name = token(line, pos);
        beat.stream = -1;
        for (std::size_t s = 0; s < m_layouts.size(); ++s) {
            if (m_layouts[s].name == name) beat.stream = static_cast<int>(s);
        }
        if (beat.stream < 0) fail("unknown stream '" + name + "'");
        if ((beat.stream == outputStream) == wantInput) {
            fail(std::string(wantInput ? "expected an input beat" : "expected an output beat") +
                 ", found stream '" + name + "'");
        }
        const std::string vec = token(line, pos);
        char* end = nullptr;
        beat.vector = std::strtol(vec.c_str(), &end, 10);
        if (vec.empty() || *end != '\0' || beat.vector < 0) fail("bad vector index '" + vec + "'");
        const StreamLayout& layout = m_layouts[static_cast<std::size_t>(beat.stream)];
        beat.words.clear();
        for (int width : layout.widths) {
            const std::string hex = token(line, pos);
            parseHex(hex, width, beat.words);
        }
        if (pos < line.size()) fail("too many fields on a beat of stream '" + name + "'");
    }

  private:
    bool nextLine(std::string& line) {
        if (!std::getline(m_in, line)) return false;
        ++m_lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    }

    std::string token(const std::string& line, std::size_t& pos) {
        if (pos >= line.size()) fail("too few fields");
        const std::size_t space = line.find(' ', pos);
        const std::size_t stop = space == std::string::npos ? line.size() : space;
        std::string t = line.substr(pos, stop - pos);
        pos = space == std::string::npos ? line.size() : space + 1;
        return t;
    }

    // Appends the words of a hex field, checking its digit count and that it fits the width.
    void parseHex(const std::string& hex, int width, std::vector<uint32_t>& out) {
        const int n = hexDigitsFor(width);
        if (static_cast<int>(hex.size()) != n) {
            fail("field '" + hex + "' must have " + std::to_string(n) + " hex digits for " +
                 std::to_string(width) + " bits");
        }
        const std::size_t base = out.size();
        out.resize(base + static_cast<std::size_t>(wordsFor(width)), 0u);
        for (int d = 0; d < n; ++d) {  // d counts from the least significant digit
            const char c = hex[static_cast<std::size_t>(n - 1 - d)];
            uint32_t v;
            if (c >= '0' && c <= '9') v = static_cast<uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') v = static_cast<uint32_t>(c - 'a' + 10);
            else fail("bad hex digit in '" + hex + "'");
            const int bit = 4 * d;
            if (bit + 4 > width && (v >> (width - bit)) != 0) {
                fail("value 0x" + hex + " does not fit in " + std::to_string(width) + " bits");
            }
            out[base + static_cast<std::size_t>(bit / 32)] |= v << (bit % 32);
        }
    }

    [[noreturn]] void fail(const std::string& msg) {
        throw FormatError(m_path + ":" + std::to_string(m_lineNo) + ": " + msg);
    }

    std::string m_path;
    std::vector<StreamLayout> m_layouts;
    std::ifstream m_in;
    long m_lineNo = 0;
    Counts m_counts;
};

}  // namespace bw

#endif  // BW_VECTORS_H
