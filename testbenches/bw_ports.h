// Bitweave co-simulation harness: port access and stream descriptors.
//
// The generated glue header (<top>_glue.h) describes one design with the types below; the harness
// (harness.cpp) only ever touches the model through them, so it is the same for every design.
// Field values travel as little-endian arrays of 32-bit words (word i holds bits [32*i +: 32]),
// the layout Verilator itself uses for ports wider than 64 bits (VlWide).
#ifndef BW_PORTS_H
#define BW_PORTS_H

#include <cstddef>
#include <cstdint>

#include "verilated.h"

namespace bw {

// Mask for the top word of a `width`-bit value (all ones when the width is a multiple of 32).
inline uint32_t topWordMask(int width) {
    const int rem = width % 32;
    return rem == 0 ? 0xffffffffu : ((1u << rem) - 1u);
}

// Verilator picks the C++ type of a port from its width: CData <= 8 bits, SData <= 16, IData <= 32,
// QData <= 64, VlWide<N> above. One overload per type lets the glue call setPort/getPort without
// knowing which one applies.
inline void setPort(CData& port, const uint32_t* w) { port = static_cast<CData>(w[0]); }
inline void setPort(SData& port, const uint32_t* w) { port = static_cast<SData>(w[0]); }
inline void setPort(IData& port, const uint32_t* w) { port = static_cast<IData>(w[0]); }
inline void setPort(QData& port, const uint32_t* w) {
    port = static_cast<QData>(w[0]) | (static_cast<QData>(w[1]) << 32);
}
template <std::size_t N>
inline void setPort(VlWide<N>& port, const uint32_t* w) {
    for (std::size_t i = 0; i < N; ++i) port.at(i) = w[i];
}

// Reads mask the value to the declared width: Verilator keeps outputs clean, but a mask makes the
// comparison independent of that implementation detail.
inline void getPort(const CData& port, uint32_t* w, int width) { w[0] = port & topWordMask(width); }
inline void getPort(const SData& port, uint32_t* w, int width) { w[0] = port & topWordMask(width); }
inline void getPort(const IData& port, uint32_t* w, int width) { w[0] = port & topWordMask(width); }
inline void getPort(const QData& port, uint32_t* w, int width) {
    w[0] = static_cast<uint32_t>(port);
    w[1] = static_cast<uint32_t>(port >> 32) & topWordMask(width);
}
template <std::size_t N>
inline void getPort(const VlWide<N>& port, uint32_t* w, int width) {
    for (std::size_t i = 0; i < N; ++i) w[i] = port.at(i);
    w[N - 1] &= topWordMask(width);
}

// Bits [lo +: n] (n <= 64) of a little-endian word array, and the write of them.
inline uint64_t getBits(const uint32_t* w, int lo, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>((w[(lo + i) / 32] >> ((lo + i) % 32)) & 1u) << i;
    return v;
}
inline void setBits(uint32_t* w, int lo, int n, uint64_t v) {
    for (int i = 0; i < n; ++i) {
        const uint32_t bit = 1u << ((lo + i) % 32);
        if ((v >> i) & 1u) w[(lo + i) / 32] |= bit;
        else w[(lo + i) / 32] &= ~bit;
    }
}

// A carry-save field's value: element by element (elementWidth bits each, at most 64), sum becomes
// (sum + carry) mod 2^elementWidth. This is the only arithmetic the harness does: the golden model
// computes the value, the RTL delivers it as a pair (transform compressed_accumulation raw_pairs).
inline void fusePairs(uint32_t* sum, const uint32_t* carry, int width, int elementWidth) {
    const uint64_t mask = elementWidth >= 64 ? ~0ull : ((1ull << elementWidth) - 1u);
    for (int lo = 0; lo < width; lo += elementWidth) {
        setBits(sum, lo, elementWidth, (getBits(sum, lo, elementWidth) + getBits(carry, lo, elementWidth)) & mask);
    }
}

// FieldDesc::skew (bitweave.ir.LaneSkew): the elements move with their beat, or element i is offset by
// i steps, a step being every clock cycle or (a value k >= 0) a cycle in which input stream k's ready is high.
constexpr int kNoSkew = -2;
constexpr int kEveryCycle = -1;

// One data field of a stream (a Field of bitweave.ir.Stream): one port, or for a carry-save output
// field two (<port>_sum read by get, <port>_carry by getCarry; laneWidth bits per pair element).
template <typename Model>
struct FieldDesc {
    const char* port;  // Verilog port name, e.g. "in_a"
    int width;         // bits
    int words;         // 32-bit words = ceil(width / 32)
    void (*set)(Model&, const uint32_t*);     // input streams only, else nullptr
    void (*get)(Model&, uint32_t*);           // output stream only, else nullptr (carry-save: the sum port)
    void (*getCarry)(Model&, uint32_t*);      // carry-save output fields only (the carry port), else nullptr
    int lanes;         // elements of the field
    int laneWidth;     // bits of one element (width = lanes * laneWidth)
    int skew;          // kNoSkew, kEveryCycle or the index of the input stream whose ready high is a step
};

// Copies bits [lo, lo + n) of `from` into the same bits of `to` (little-endian 32-bit words).
inline void copyBits(const uint32_t* from, uint32_t* to, int lo, int n) {
    for (int i = lo; i < lo + n; ++i) {
        const uint32_t bit = (from[i / 32] >> (i % 32)) & 1u;
        to[i / 32] = (to[i / 32] & ~(1u << (i % 32))) | (bit << (i % 32));
    }
}

// One valid/ready stream. Input streams use setValid/getReady, the output stream getValid/setReady.
template <typename Model>
struct StreamDesc {
    const char* name;
    const char* validPort;
    const char* readyPort;
    const FieldDesc<Model>* fields;
    int fieldCount;
    void (*setValid)(Model&, bool);
    bool (*getReady)(Model&);
    bool (*getValid)(Model&);
    void (*setReady)(Model&, bool);
};

}  // namespace bw

#endif  // BW_PORTS_H
