// Bitweave co-simulation harness: drives a Verilated top module with the input beats of a vector file
// and compares its output beats, bit for bit and in order, with the expected ones (a carry-save field of
// a raw-pairs design: its (sum + carry) mod 2^W per element, see bw_ports.h fusePairs).
//
// Generic over the design: everything design-specific (model class, ports, widths, the vector file
// header) comes from the generated glue header, included through the BW_GLUE macro (-DBW_GLUE=x_glue.h).
// Shape follows Verilator's examples/make_tracing_c: context and model in unique_ptr, commandArgs
// before the model is built, final() at the end, VCD only in a --trace build and only on request.
//
// Power-up passes: a register the RTL forgets to reset only shows when its power-up value is the wrong
// one, so one random power-up state finds a forgotten 1-bit reset about half of the time. The harness
// therefore builds the model once per power-up state: first one short "prelude" pass per state named
// in --prelude (zeros, ones; the first --prelude-vectors vectors each), then the main pass over every
// vector from the state +verilator+rand+reset+N selects (Bitweave passes 2, random). Each pass has its
// own context and model, so every pass starts from power-up; the run stops at the first failing pass.
//
// Usage: sim <vectors.txt> [--seed=N] [--trace=out.vcd] [--trace-comment=TEXT] [--progress=N] [--watchdog=N]
//            [--max-cycles=N] [--prelude=ones,zeros] [--prelude-vectors=N]
//            [+verilator+rand+reset+2 +verilator+seed+N ...]
//
// Output lines for tools start with "BW-" and are key=value tokens; when present, msg= is the last key
// and runs to the end of the line. Each is followed or preceded by human-readable text:
//   BW-START top=NAME vectors=V inputs=I expected=E seed=S
//   BW-POWERUP init=zeros|ones|random pass=P passes=N vectors=V    at the start of each pass
//   BW-PROGRESS vectors=D total=V cycle=C
//   BW-PASS vectors=V cycles=C inputs=I outputs=E min_latency=L min_latency_vector=V min_latency_cycle=C
//   BW-MISMATCH vector=V cycle=C port=P expected=0xH actual=0xH beat=K extra=0|1
//   BW-EARLY-VALID cycle=C port=P vector=V when=reset|after-reset|before-input
//   BW-TIMEOUT cycle=C vector=V beat=K msg=TEXT
//   BW-ERROR msg=TEXT
// A failure line belongs to the pass of the last BW-POWERUP line. BW-PASS comes only from the main pass.
// Exit status: 0 pass, 1 mismatch, early valid or timeout, 2 bad arguments or vector file.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "verilated.h"
#if VM_TRACE
#include "verilated_vcd_c.h"
#include "bw_trace.h"
#endif

#include "bw_ports.h"
#include "bw_vectors.h"

#define BW_STRINGIFY2(x) #x
#define BW_STRINGIFY(x) BW_STRINGIFY2(x)
#include BW_STRINGIFY(BW_GLUE)

namespace {

using Model = bw_glue::Model;
using Stream = bw::StreamDesc<Model>;

struct Options {
    std::string vectors;
    uint64_t seed = 1;
    std::string trace;
    std::string traceComment;  // first line of the VCD, as "$comment TEXT $end" (see bw_trace.h)
    long progressEvery = 0;  // 0: no progress lines
    long watchdog = 10000;   // cycles without any transfer before giving up
    long maxCycles = 0;      // 0: no limit besides the watchdog
    std::vector<int> prelude;      // power-up states (Verilator randReset values) of the prelude passes
    long preludeVectors = 16;      // vectors each prelude pass runs
};

// Verilator's randReset values (+verilator+rand+reset+N): the power-up value of every register.
constexpr int kAllZeros = 0;
constexpr int kAllOnes = 1;
constexpr int kRandom = 2;
constexpr int kFromCommandLine = -1;  // the main pass: whatever +verilator+rand+reset+N says (0 without it)

const char* powerUpName(int randReset) {
    switch (randReset) {
        case kAllZeros: return "zeros";
        case kAllOnes: return "ones";
        default: return "random";
    }
}

// One run of the model from power-up: which state, and how much of the vector file (0: all of it).
struct Pass {
    int powerUp;        // kAllZeros, kAllOnes, kRandom or kFromCommandLine
    long vectorLimit;
    int index;   // 1-based
    int count;
};

constexpr int kResetCycles = 5;
// After the last expected beat, watch this many cycles (out_ready high) for unexpected extra beats.
constexpr int kTailCycles = 48;
// A prelude pass also stops after this many cycles: it is there for reset bugs, which show early, and
// the corner-case vectors at the start of a vector file can be tiles of 2^17 beats. It stops there only
// right after a transfer: a unit that a bad power-up state has hung (a forgotten reset of a control
// register that blocks in_ready) must run into the watchdog and fail, not end the pass as a success.
constexpr long kPreludeMaxCycles = 4096;

// SplitMix64: small, fast, and identical on every platform (std distributions are not).
class Rng {
  public:
    explicit Rng(uint64_t seed) : m_state(seed) {}
    uint64_t next() {
        uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    bool percent(int p) { return static_cast<int>(next() % 100) < p; }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }

  private:
    uint64_t m_state;
};

// Handshake regimes: a run switches between them every few hundred cycles so that one seed covers
// full-speed streaming as well as sparse inputs and heavy output back-pressure.
struct Regime {
    int idlePercent;   // chance of idle cycles before offering the next input beat
    int readyPercent;  // chance that out_ready is high in a cycle
};
constexpr Regime kRegimes[] = {{0, 100}, {25, 80}, {50, 50}, {10, 25}, {75, 95}, {0, 60}};
constexpr int kRegimeCount = sizeof(kRegimes) / sizeof(kRegimes[0]);

bool startsWith(const std::string& s, const char* prefix, std::string& rest) {
    const std::string p(prefix);
    if (s.compare(0, p.size(), p) != 0) return false;
    rest = s.substr(p.size());
    return true;
}

long parseLong(const std::string& value, const char* what) {
    char* end = nullptr;
    const long v = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || v < 0) throw bw::FormatError(std::string("bad ") + what);
    return v;
}

// Seeds are unsigned 64-bit decimal (the Java side passes Long.toUnsignedString).
uint64_t parseSeed(const std::string& value) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(value.c_str(), &end, 10);
    if (value.empty() || value[0] == '-' || *end != '\0') throw bw::FormatError("bad --seed");
    return static_cast<uint64_t>(v);
}

// A comma-separated list of power-up states: zeros, ones, random.
std::vector<int> parsePowerUps(const std::string& value) {
    std::vector<int> out;
    std::size_t pos = 0;
    while (pos <= value.size() && !value.empty()) {
        const std::size_t comma = value.find(',', pos);
        const std::string item = value.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (item == "zeros") out.push_back(kAllZeros);
        else if (item == "ones") out.push_back(kAllOnes);
        else if (item == "random") out.push_back(kRandom);
        else throw bw::FormatError("bad --prelude item '" + item + "' (zeros, ones or random)");
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return out;
}

Options parseOptions(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg(argv[i]);
        std::string v;
        if (arg.empty() || arg[0] == '+') continue;  // plusargs belong to Verilator
        if (startsWith(arg, "--seed=", v)) o.seed = parseSeed(v);
        else if (startsWith(arg, "--trace=", v)) o.trace = v;
        else if (startsWith(arg, "--trace-comment=", v)) o.traceComment = v;
        else if (startsWith(arg, "--progress=", v)) o.progressEvery = parseLong(v, "--progress");
        else if (startsWith(arg, "--watchdog=", v)) o.watchdog = parseLong(v, "--watchdog");
        else if (startsWith(arg, "--max-cycles=", v)) o.maxCycles = parseLong(v, "--max-cycles");
        else if (startsWith(arg, "--prelude=", v)) o.prelude = parsePowerUps(v);
        else if (startsWith(arg, "--prelude-vectors=", v)) o.preludeVectors = parseLong(v, "--prelude-vectors");
        else if (arg.compare(0, 2, "--") == 0) throw bw::FormatError("unknown option " + arg);
        else if (o.vectors.empty()) o.vectors = arg;
        else throw bw::FormatError("more than one vector file given");
    }
    if (o.vectors.empty()) throw bw::FormatError("usage: sim <vectors.txt> [--seed=N] [--trace=f.vcd]");
    return o;
}

std::vector<const Stream*> allStreams() {
    std::vector<const Stream*> v;
    for (int i = 0; i < bw_glue::kInputCount; ++i) v.push_back(&bw_glue::kInputs[i]);
    v.push_back(&bw_glue::kOutput);
    return v;
}

std::vector<bw::StreamLayout> layouts(const std::vector<const Stream*>& streams) {
    std::vector<bw::StreamLayout> out;
    for (const Stream* s : streams) {
        bw::StreamLayout l;
        l.name = s->name;
        for (int f = 0; f < s->fieldCount; ++f) l.widths.push_back(s->fields[f].width);
        out.push_back(l);
    }
    return out;
}

// One co-simulation run: owns the handshake state; the model and context are borrowed.
class Harness {
  public:
    // `expectedStart`: where the expected beats begin in the vector file (found once for all passes).
    Harness(VerilatedContext& ctx, Model& model, const Options& opt, const Pass& pass,
            const bw::VectorReader::Mark& expectedStart)
        : m_ctx(ctx), m_model(model), m_opt(opt), m_pass(pass),
          // Each pass gets its own handshake sequence; the main pass keeps the one a seed always had.
          m_rng(opt.seed ^ 0x6269747765617665ull ^ (pass.index == pass.count ? 0 : 0x9e3779b97f4a7c15ull * pass.index)),
          m_streams(allStreams()), m_outputIndex(static_cast<int>(m_streams.size()) - 1),
          m_inputs(opt.vectors, layouts(m_streams)), m_expected(opt.vectors, layouts(m_streams)) {
        m_inputs.readHeader(bw_glue::kHeader);
        m_expected.readHeader(bw_glue::kHeader);
        m_expected.seek(expectedStart);
        m_counts = m_inputs.counts();
        m_inputCycle.assign(static_cast<std::size_t>(m_counts.vectors), -1);
        m_nextProgress = opt.progressEvery;
        for (int st = 0; st < m_outputIndex; ++st) {
            const Stream& in = *m_streams[static_cast<std::size_t>(st)];
            std::size_t offset = 0;
            for (int f = 0; f < in.fieldCount; ++f) {
                const bw::FieldDesc<Model>& fd = in.fields[f];
                if (fd.skew != bw::kNoSkew) {
                    m_history.push_back(LaneHistory{st, f, offset, std::deque<std::vector<uint32_t>>(
                                                                      static_cast<std::size_t>(fd.lanes - 1))});
                }
                offset += static_cast<std::size_t>(fd.words);
            }
        }
    }

#if VM_TRACE
    void attachTrace(VerilatedVcdC* tfp) { m_trace = tfp; }
#endif

    int run() {
        const long vectors = isPrelude() ? std::min(m_pass.vectorLimit, m_counts.vectors) : m_counts.vectors;
        std::printf("BW-POWERUP init=%s pass=%d passes=%d vectors=%ld\n", powerUpName(m_pass.powerUp), m_pass.index,
                    m_pass.count, vectors);
        if (reset() != 0) return 1;
        loadNextInput();
        loadNextExpected();
        long lastTransfer = m_cycle;
        while (m_inputsDone < m_counts.inputs || m_expectedDone < m_counts.expected || !m_laneChecks.empty()) {
            const bool progressing = lastTransfer == m_cycle;  // a beat transferred in the cycle just run
            if (isPrelude() && (m_vectorsDone >= m_pass.vectorLimit || (m_cycle >= kPreludeMaxCycles && progressing))) {
                std::printf("power-up %s: %ld vectors bit-exact in %ld cycles, valid low through reset\n",
                            powerUpName(m_pass.powerUp), m_vectorsDone, m_cycle);
                return 0;
            }
            maybeSwitchRegime();
            const bool offering = m_haveInput && m_idleLeft == 0;
            const bool outReady = m_rng.percent(m_regime.readyPercent);
            driveInputs(offering, outReady);
            const bool inFire = offering && offeredStream().getReady(m_model);
            const bool outValid = m_streams.back()->getValid(m_model);
            const bool outFire = outReady && outValid;
            if (outValid && !validAllowed()) return earlyValid();
            if (m_stalled && !checkStall(outValid)) return 1;
            if (outValid) noteOutputValid();
            if (!checkLanes()) return 1;
            if (outFire && !checkOutputBeat()) return 1;
            if (inFire) noteInputTransfer();  // the transfer happens at the coming edge of this cycle
            m_stalled = outValid && !outReady;
            if (m_stalled) captureStall();
            recordSteps(inFire);
            clockEdge();
            if (inFire) {
                ++m_inputsDone;
                m_idleLeft = m_rng.percent(m_regime.idlePercent) ? 1 + m_rng.below(4) : 0;
                loadNextInput();
            } else if (m_idleLeft > 0 && !offering) {
                --m_idleLeft;
            }
            if (outFire) afterOutputBeat();
            if (inFire || outFire) lastTransfer = m_cycle;
            if (m_cycle - lastTransfer > m_opt.watchdog) return timeout("no transfer for " + std::to_string(m_opt.watchdog) + " cycles");
            if (m_opt.maxCycles > 0 && m_cycle >= m_opt.maxCycles) return timeout("cycle limit " + std::to_string(m_opt.maxCycles) + " reached");
        }
        const long cycles = m_cycle;
        // Anything arriving now is an extra beat. Watch at least a few times the longest latency seen, so
        // a spurious beat from a deep (large-array) pipeline cannot slip out after the run ends.
        const long tail = kTailCycles + 2 * m_maxLatency;
        for (long i = 0; i < tail; ++i) {
            driveInputs(false, true);
            if (m_streams.back()->getValid(m_model)) return extraBeat();
            recordSteps(false);
            clockEdge();
        }
        std::printf("BW-PASS vectors=%ld cycles=%ld inputs=%ld outputs=%ld min_latency=%ld min_latency_vector=%ld "
                    "min_latency_cycle=%ld\n", m_counts.vectors, cycles, m_counts.inputs, m_counts.expected,
                    m_minLatency, m_minLatencyVector, m_minLatencyCycle);
        std::printf("PASS: %ld vectors, %ld output beats bit-exact in %ld cycles\n", m_counts.vectors,
                    m_counts.expected, cycles);
        return 0;
    }

  private:
    bool isPrelude() const { return m_pass.vectorLimit > 0; }

    // rst high for a few cycles with nothing offered, from the pass's power-up state, so a register the
    // RTL forgets to reset shows up as a mismatch. The output valid must be low from the first edge
    // with rst high on (dsl/INTERFACE.md: after reset no output beat is pending); before that edge the
    // registers still hold their power-up values.
    int reset() {
        m_stalled = false;
        m_model.rst = 1;
        for (int i = 0; i < kResetCycles; ++i) {
            driveInputs(false, m_rng.percent(50));
            if (i > 0 && m_streams.back()->getValid(m_model)) return earlyValid();
            clockEdge();
        }
        m_model.rst = 0;
        return 0;
    }

    // An output beat can only follow an input beat of its vector; right after reset that means none at
    // all until the first input beat has transferred. (A vector's beats all carry its index, so this
    // is a necessary condition, not the full latency rule.)
    bool validAllowed() const {
        if (!m_haveExpected) return true;  // an extra beat: checkOutputBeat reports it with its data
        const long v = m_expectedBeat.vector;
        return v >= 0 && v < static_cast<long>(m_inputCycle.size()) && m_inputCycle[static_cast<std::size_t>(v)] >= 0;
    }

    // out_valid high where it must be low: during reset, after reset before any input beat, or for a
    // vector none of whose input beats has transferred yet.
    int earlyValid() {
        const char* port = m_streams.back()->validPort;
        const char* when = m_model.rst ? "reset" : (m_inputsDone == 0 ? "after-reset" : "before-input");
        const long vector = m_haveExpected ? m_expectedBeat.vector : 0;
        std::printf("BW-EARLY-VALID cycle=%ld port=%s vector=%ld when=%s\n", m_cycle, port, vector, when);
        if (m_model.rst) {
            std::printf("EARLY VALID at cycle %ld: %s is 1 while rst is high (power-up state %s)\n", m_cycle, port,
                        powerUpName(m_pass.powerUp));
        } else {
            std::printf("EARLY VALID at cycle %ld: %s is 1 before any input beat of vector %ld transferred "
                        "(power-up state %s)\n", m_cycle, port, vector, powerUpName(m_pass.powerUp));
        }
        return 1;
    }

    const Stream& offeredStream() const { return *m_streams[static_cast<std::size_t>(m_pendingInput.stream)]; }

    void maybeSwitchRegime() {
        if (m_cycle < m_nextRegimeSwitch) return;
        m_regime = kRegimes[m_rng.below(kRegimeCount)];
        m_nextRegimeSwitch = m_cycle + 200 + m_rng.below(1800);
    }

    // Sets every input of the model for the coming clock edge and evaluates it with clk low. Input
    // streams that are not offering a beat get random data: a design must not look at data without
    // valid.
    // A skewed field (dsl/INTERFACE.md, "Skewed lanes") gets element i from the beat that transferred i
    // steps ago, random bits where none did.
    void driveInputs(bool offering, bool outReady) {
        m_model.clk = 0;
        std::size_t skewed = 0;  // index into m_history, which lists skewed fields in stream/field order
        for (int s = 0; s < m_outputIndex; ++s) {
            const Stream& st = *m_streams[static_cast<std::size_t>(s)];
            const bool active = offering && s == m_pendingInput.stream;
            st.setValid(m_model, active);
            std::size_t offset = 0;
            for (int f = 0; f < st.fieldCount; ++f) {
                const bw::FieldDesc<Model>& fd = st.fields[f];
                if (active) {
                    m_scratch.assign(m_pendingInput.words.begin() + static_cast<std::ptrdiff_t>(offset),
                                     m_pendingInput.words.begin() + static_cast<std::ptrdiff_t>(offset + fd.words));
                } else {
                    randomWords(fd.width);
                }
                if (fd.skew != bw::kNoSkew) {
                    const LaneHistory& h = m_history[skewed++];
                    const std::vector<uint32_t> noise = randomVector(fd.width);
                    for (int lane = 1; lane < fd.lanes; ++lane) {
                        const std::vector<uint32_t>& past = h.past[static_cast<std::size_t>(lane - 1)];
                        bw::copyBits(past.empty() ? noise.data() : past.data(), m_scratch.data(), lane * fd.laneWidth,
                                     fd.laneWidth);
                    }
                }
                fd.set(m_model, m_scratch.data());
                offset += static_cast<std::size_t>(fd.words);
            }
        }
        m_streams.back()->setReady(m_model, outReady);
        m_model.eval();
        dump();
    }

    void randomWords(int width) { m_scratch = randomVector(width); }

    std::vector<uint32_t> randomVector(int width) {
        std::vector<uint32_t> v(static_cast<std::size_t>(bw::wordsFor(width)), 0u);
        for (uint32_t& w : v) w = static_cast<uint32_t>(m_rng.next());
        v.back() &= bw::topWordMask(width);
        return v;
    }

    // Whether this cycle is a step of a lane skew: every cycle, or input stream k's ready is high (read
    // after driveInputs evaluated the model, before the edge).
    bool isStep(int skew) const {
        return skew == bw::kEveryCycle || m_streams[static_cast<std::size_t>(skew)]->getReady(m_model);
    }

    // Before the edge: a step of a skewed input field remembers what transferred in it (nothing unless
    // the field's stream fired) for the lanes behind.
    void recordSteps(bool inFire) {
        for (LaneHistory& h : m_history) {
            const bw::FieldDesc<Model>& fd = m_streams[static_cast<std::size_t>(h.stream)]->fields[h.field];
            if (!isStep(fd.skew) || h.past.empty()) continue;
            h.past.pop_back();
            if (inFire && m_pendingInput.stream == h.stream) {
                h.past.emplace_front(m_pendingInput.words.begin() + static_cast<std::ptrdiff_t>(h.offset),
                                     m_pendingInput.words.begin() + static_cast<std::ptrdiff_t>(h.offset + fd.words));
            } else {
                h.past.emplace_front();
            }
        }
    }

    // The lanes of a skewed output field that follow their beat: each is compared in its step.
    bool checkLanes() {
        const Stream& out = *m_streams.back();
        for (std::size_t i = 0; i < m_laneChecks.size();) {
            LaneCheck& lc = m_laneChecks[i];
            const bw::FieldDesc<Model>& fd = out.fields[lc.field];
            if (!isStep(fd.skew) || --lc.stepsLeft > 0) {
                ++i;
                continue;
            }
            if (!sameLane(fd, lc.expected.data(), lc.lane, lc.vector, lc.beat)) return false;
            m_laneChecks.erase(m_laneChecks.begin() + static_cast<std::ptrdiff_t>(i));
        }
        return true;
    }

    // Compares element `lane` of output field `fd` with the same element of `want`; on a difference it
    // reports the whole field, expected against expected-with-this-lane-as-seen.
    bool sameLane(const bw::FieldDesc<Model>& fd, const uint32_t* want, int lane, long vector, long beat) {
        readField(fd);
        std::vector<uint32_t> seen(want, want + fd.words);
        bw::copyBits(m_scratch.data(), seen.data(), lane * fd.laneWidth, fd.laneWidth);
        if (std::equal(seen.begin(), seen.end(), want)) return true;
        const std::string exp = bw::toHex(want, fd.width);
        const std::string act = bw::toHex(seen.data(), fd.width);
        std::printf("BW-MISMATCH vector=%ld cycle=%ld port=%s expected=0x%s actual=0x%s beat=%ld extra=0\n", vector,
                    m_cycle, fd.port, exp.c_str(), act.c_str(), beat);
        std::printf("MISMATCH at vector %ld (output beat %ld), cycle %ld, port %s, lane %d (it follows its beat by "
                    "%d steps): expected 0x%s got 0x%s\n", vector, beat, m_cycle, fd.port, lane, lane, exp.c_str(),
                    act.c_str());
        printPairHalves(fd);
        return false;
    }

    void clockEdge() {
        m_ctx.timeInc(1);
        m_model.clk = 1;
        m_model.eval();
        dump();
        m_ctx.timeInc(1);
        ++m_cycle;
    }

    void dump() {
#if VM_TRACE
        if (m_trace) m_trace->dump(m_ctx.time());
#endif
    }

    void loadNextInput() {
        m_haveInput = m_inputsDone < m_counts.inputs;
        if (m_haveInput) m_inputs.readBeat(m_pendingInput, true, m_outputIndex);
    }

    void loadNextExpected() {
        m_haveExpected = m_expectedDone < m_counts.expected;
        if (m_haveExpected) m_expected.readBeat(m_expectedBeat, false, m_outputIndex);
    }

    // An output stream holds its beat while out_valid && !out_ready (dsl/INTERFACE.md, "Common rules"): a
    // stalled cycle remembers the beat's fields (those that move with the beat), the next cycle must show
    // out_valid high and the same bits. Without this a unit (or the AXI4-Stream wrapper) that changed its
    // data under back-pressure would pass whenever the value at the transfer happened to be right.
    void captureStall() {
        const Stream& out = *m_streams.back();
        m_stallWords.clear();
        for (int f = 0; f < out.fieldCount; ++f) {
            const bw::FieldDesc<Model>& fd = out.fields[f];
            if (fd.skew != bw::kNoSkew) continue;
            readField(fd);
            m_stallWords.insert(m_stallWords.end(), m_scratch.begin(), m_scratch.end());
        }
    }

    bool checkStall(bool outValid) {
        const Stream& out = *m_streams.back();
        const long vector = m_haveExpected ? m_expectedBeat.vector : m_lastVector;
        if (!outValid) {
            std::printf("BW-MISMATCH vector=%ld cycle=%ld port=%s expected=0x1 actual=0x0 beat=%ld extra=0\n", vector,
                        m_cycle, out.validPort, m_expectedDone);
            std::printf("MISMATCH at vector %ld (output beat %ld), cycle %ld: %s fell while %s was low (a stalled beat"
                        " must stay offered)\n", vector, m_expectedDone, m_cycle, out.validPort, out.readyPort);
            return false;
        }
        std::size_t offset = 0;
        for (int f = 0; f < out.fieldCount; ++f) {
            const bw::FieldDesc<Model>& fd = out.fields[f];
            if (fd.skew != bw::kNoSkew) continue;
            readField(fd);
            const uint32_t* held = &m_stallWords[offset];
            bool same = true;
            for (int w = 0; w < fd.words; ++w) same = same && m_scratch[static_cast<std::size_t>(w)] == held[w];
            if (!same) {
                const std::string exp = bw::toHex(held, fd.width);
                const std::string act = bw::toHex(m_scratch.data(), fd.width);
                std::printf("BW-MISMATCH vector=%ld cycle=%ld port=%s expected=0x%s actual=0x%s beat=%ld extra=0\n",
                            vector, m_cycle, fd.port, exp.c_str(), act.c_str(), m_expectedDone);
                std::printf("MISMATCH at vector %ld (output beat %ld), cycle %ld, port %s changed while %s was high and"
                            " %s low: held 0x%s, now 0x%s\n", vector, m_expectedDone, m_cycle, fd.port, out.validPort,
                            out.readyPort, exp.c_str(), act.c_str());
                return false;
            }
            offset += static_cast<std::size_t>(fd.words);
        }
        return true;
    }

    // Compares the beat on the output stream with the next expected one; prints and returns false on
    // the first differing field (or when no beat is expected any more).
    bool checkOutputBeat() {
        if (!m_haveExpected) {
            extraBeat();
            return false;
        }
        const Stream& out = *m_streams.back();
        std::size_t offset = 0;
        for (int f = 0; f < out.fieldCount; ++f) {
            const bw::FieldDesc<Model>& fd = out.fields[f];
            m_scratch.assign(static_cast<std::size_t>(fd.words), 0u);
            const uint32_t* want = &m_expectedBeat.words[offset];
            if (fd.skew != bw::kNoSkew) {
                // element 0 comes with the beat, element i i steps later (checkLanes)
                if (!sameLane(fd, want, 0, m_expectedBeat.vector, m_expectedDone)) return false;
                for (int lane = 1; lane < fd.lanes; ++lane) {
                    m_laneChecks.push_back(LaneCheck{f, lane, lane, std::vector<uint32_t>(want, want + fd.words),
                                                     m_expectedBeat.vector, m_expectedDone});
                }
                offset += static_cast<std::size_t>(fd.words);
                continue;
            }
            readField(fd);
            bool same = true;
            for (int w = 0; w < fd.words; ++w) same = same && m_scratch[static_cast<std::size_t>(w)] == want[w];
            if (!same) {
                const std::string exp = bw::toHex(want, fd.width);
                const std::string act = bw::toHex(m_scratch.data(), fd.width);
                std::printf("BW-MISMATCH vector=%ld cycle=%ld port=%s expected=0x%s actual=0x%s beat=%ld extra=0\n",
                            m_expectedBeat.vector, m_cycle, fd.port, exp.c_str(), act.c_str(), m_expectedDone);
                std::printf("MISMATCH at vector %ld (output beat %ld), cycle %ld, port %s: expected 0x%s got 0x%s\n",
                            m_expectedBeat.vector, m_expectedDone, m_cycle, fd.port, exp.c_str(), act.c_str());
                printPairHalves(fd);
                return false;
            }
            offset += static_cast<std::size_t>(fd.words);
        }
        return true;
    }

    // Latency bookkeeping: the cycle in which each vector's last input beat transferred, and the first
    // cycle out_valid was seen for the expected beat now awaited. The smallest difference over the run
    // is the unit's latency (back-pressure and stalls only add cycles), which the Java side compares
    // with the latency the compiler reports.
    void noteInputTransfer() {
        const long v = m_pendingInput.vector;
        if (v >= 0 && v < static_cast<long>(m_inputCycle.size())) m_inputCycle[static_cast<std::size_t>(v)] = m_cycle;
    }

    void noteOutputValid() {
        if (!m_haveExpected || m_validSeen) return;
        m_validSeen = true;
        const long v = m_expectedBeat.vector;
        if (v < 0 || v >= static_cast<long>(m_inputCycle.size()) || m_inputCycle[static_cast<std::size_t>(v)] < 0) return;
        const long latency = m_cycle - m_inputCycle[static_cast<std::size_t>(v)];
        if (m_minLatency < 0 || latency < m_minLatency) {
            m_minLatency = latency;
            m_minLatencyVector = v;
            m_minLatencyCycle = m_cycle;
        }
        if (latency > m_maxLatency) m_maxLatency = latency;
    }

    void afterOutputBeat() {
        m_validSeen = false;
        const long vector = m_expectedBeat.vector;
        ++m_expectedDone;
        m_lastVector = vector;
        loadNextExpected();
        if (!m_haveExpected || m_expectedBeat.vector != vector) m_vectorsDone = vector + 1;
        if (m_opt.progressEvery > 0 && !isPrelude() && m_vectorsDone >= m_nextProgress) {
            std::printf("BW-PROGRESS vectors=%ld total=%ld cycle=%ld\n", m_vectorsDone, m_counts.vectors, m_cycle);
            std::fflush(stdout);
            m_nextProgress = (m_vectorsDone / m_opt.progressEvery + 1) * m_opt.progressEvery;
        }
    }

    // An output beat after the last expected one: reported as out_valid expected 0, got 1.
    int extraBeat() {
        const Stream& out = *m_streams.back();
        std::string data;
        for (int f = 0; f < out.fieldCount; ++f) {
            const bw::FieldDesc<Model>& fd = out.fields[f];
            readField(fd);
            data += std::string(f ? ", " : "") + fd.port + "=0x" + bw::toHex(m_scratch.data(), fd.width);
        }
        std::printf("BW-MISMATCH vector=%ld cycle=%ld port=%s expected=0x0 actual=0x1 beat=%ld extra=1\n",
                    m_lastVector, m_cycle, out.validPort, m_expectedDone);
        std::printf("MISMATCH at cycle %ld: unexpected output beat %ld after the last expected one "
                    "(last vector %ld): %s\n", m_cycle, m_expectedDone, m_lastVector, data.c_str());
        return 1;
    }

    int timeout(const std::string& why) {
        std::string msg;
        long vector;
        if (m_haveExpected) {
            vector = m_expectedBeat.vector;
            msg = "expected output beat " + std::to_string(m_expectedDone) + " (vector " +
                  std::to_string(vector) + ") never came";
        } else {
            vector = m_pendingInput.vector;
            msg = "all expected output beats arrived but input beats are left";
        }
        msg += "; input beats transferred " + std::to_string(m_inputsDone) + "/" + std::to_string(m_counts.inputs);
        if (m_haveInput) {
            const Stream& s = offeredStream();
            msg += "; input beat " + std::to_string(m_inputsDone) + " (stream " + s.name + ", vector " +
                   std::to_string(m_pendingInput.vector) + ") waiting for " + s.readyPort;
        }
        msg += "; " + why;
        std::printf("BW-TIMEOUT cycle=%ld vector=%ld beat=%ld msg=%s\n", m_cycle, vector, m_expectedDone, msg.c_str());
        std::printf("TIMEOUT at cycle %ld: %s\n", m_cycle, msg.c_str());
        return 1;
    }

    // The value of an output field into m_scratch: its port, or for a carry-save field (raw pairs) its
    // two ports fused element by element, (sum + carry) mod 2^laneWidth (the raw halves stay in
    // m_pairSum and m_pairCarry for the mismatch message).
    void readField(const bw::FieldDesc<Model>& fd) {
        m_scratch.assign(static_cast<std::size_t>(fd.words), 0u);
        fd.get(m_model, m_scratch.data());
        if (!fd.getCarry) return;
        m_pairSum = m_scratch;
        m_pairCarry.assign(static_cast<std::size_t>(fd.words), 0u);
        fd.getCarry(m_model, m_pairCarry.data());
        bw::fusePairs(m_scratch.data(), m_pairCarry.data(), fd.width, fd.laneWidth);
    }

    // After a mismatch on a carry-save field: the raw halves that were fused.
    void printPairHalves(const bw::FieldDesc<Model>& fd) const {
        if (!fd.getCarry) return;
        std::printf("  (%s is a carry-save field: got is (%s_sum + %s_carry) mod 2^%d per element;"
                    " sum 0x%s, carry 0x%s)\n", fd.port, fd.port, fd.port, fd.laneWidth,
                    bw::toHex(m_pairSum.data(), fd.width).c_str(), bw::toHex(m_pairCarry.data(), fd.width).c_str());
    }

    // A skewed input field: what transferred in each of the last lanes-1 steps (most recent first; empty:
    // no beat of the field's stream transferred in that step).
    struct LaneHistory {
        int stream;
        int field;
        std::size_t offset;  // the field's first word in a beat record
        std::deque<std::vector<uint32_t>> past;
    };
    // An element of a skewed output field still to come.
    struct LaneCheck {
        int field;
        int lane;
        int stepsLeft;
        std::vector<uint32_t> expected;  // the whole field of the expected beat
        long vector;
        long beat;
    };

    VerilatedContext& m_ctx;
    Model& m_model;
    const Options& m_opt;
    const Pass m_pass;
    Rng m_rng;
    std::vector<const Stream*> m_streams;  // input streams, then the output stream
    int m_outputIndex;
    bw::VectorReader m_inputs;
    bw::VectorReader m_expected;
    bw::Counts m_counts;
#if VM_TRACE
    VerilatedVcdC* m_trace = nullptr;
#endif
    Regime m_regime = kRegimes[0];
    long m_nextRegimeSwitch = 0;
    long m_cycle = 0;
    bw::BeatRecord m_pendingInput;
    bool m_haveInput = false;
    long m_inputsDone = 0;
    int m_idleLeft = 0;
    bw::BeatRecord m_expectedBeat;
    bool m_haveExpected = false;
    // The previous cycle had out_valid && !out_ready: its beat's bits (captureStall), checked this cycle.
    bool m_stalled = false;
    std::vector<uint32_t> m_stallWords;
    long m_expectedDone = 0;
    long m_lastVector = -1;
    long m_vectorsDone = 0;
    long m_nextProgress = 0;
    std::vector<uint32_t> m_scratch;
    std::vector<long> m_inputCycle;  // per vector: cycle its last input beat transferred, -1 before
    bool m_validSeen = false;
    long m_minLatency = -1;
    long m_minLatencyVector = -1;  // the first vector that came out with m_minLatency, and its cycle
    long m_minLatencyCycle = -1;
    long m_maxLatency = 0;
    std::vector<uint32_t> m_pairSum;    // the halves of the last carry-save field read
    std::vector<uint32_t> m_pairCarry;
    std::vector<LaneHistory> m_history;
    std::vector<LaneCheck> m_laneChecks;
};

// What every pass needs from the vector file up front: the counts (for BW-START, printed once) and
// where the expected beats start (skipping millions of input lines once, not once per pass).
struct VectorFileLayout {
    bw::Counts counts;
    bw::VectorReader::Mark expectedStart;
};

VectorFileLayout scanVectorFile(const Options& opt) {
    bw::VectorReader reader(opt.vectors, layouts(allStreams()));
    reader.readHeader(bw_glue::kHeader);
    reader.skipBeats(reader.counts().inputs);
    return VectorFileLayout{reader.counts(), reader.mark()};
}

// One pass: a fresh context and model (so the registers take the pass's power-up values), reset, run.
// The VCD, when requested, is rewritten by every pass: after a failure it shows the failing one.
int runPass(int argc, char** argv, const Options& opt, const Pass& pass, const VectorFileLayout& file) {
    const std::unique_ptr<VerilatedContext> contextp{new VerilatedContext};
    if (!opt.trace.empty()) contextp->traceEverOn(true);
    contextp->commandArgs(argc, argv);  // before the model: +verilator+rand+reset+2, +verilator+seed+N
    Pass actual = pass;
    if (pass.powerUp == kFromCommandLine) actual.powerUp = contextp->randReset();
    contextp->randReset(actual.powerUp);
    const std::unique_ptr<Model> top{new Model{contextp.get(), "TOP"}};
    int status;
    Harness harness(*contextp, *top, opt, actual, file.expectedStart);
#if VM_TRACE
    bw::CommentedVcdFile vcdFile(opt.traceComment);  // declared first: outlives tfp
    std::unique_ptr<VerilatedVcdC> tfp;
    if (!opt.trace.empty()) {
        tfp.reset(new VerilatedVcdC(&vcdFile));
        top->trace(tfp.get(), 99);
        tfp->open(opt.trace.c_str());
        harness.attachTrace(tfp.get());
    }
    status = harness.run();
    if (tfp) tfp->close();
#else
    status = harness.run();
#endif
    top->final();
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parseOptions(argc, argv);
    } catch (const bw::FormatError& e) {
        std::printf("BW-ERROR msg=%s\n", e.what());
        return 2;
    }
#if !VM_TRACE
    if (!opt.trace.empty()) {
        std::printf("BW-ERROR msg=--trace given but this model was built without --trace\n");
        return 2;
    }
#endif
    int status = 0;
    try {
        const VectorFileLayout file = scanVectorFile(opt);
        const bw::Counts& counts = file.counts;
        std::printf("BW-START top=%s vectors=%ld inputs=%ld expected=%ld seed=%llu\n", bw_glue::kTopModule,
                    counts.vectors, counts.inputs, counts.expected, static_cast<unsigned long long>(opt.seed));
        std::vector<Pass> passes;
        const int count = static_cast<int>(opt.prelude.size()) + 1;
        for (int powerUp : opt.prelude) {
            passes.push_back(Pass{powerUp, std::max(1L, opt.preludeVectors), static_cast<int>(passes.size()) + 1, count});
        }
        passes.push_back(Pass{kFromCommandLine, 0, count, count});
        for (const Pass& pass : passes) {
            status = runPass(argc, argv, opt, pass, file);
            if (status != 0) break;
        }
    } catch (const bw::FormatError& e) {
        std::printf("BW-ERROR msg=%s\n", e.what());
        status = 2;
    }
    std::fflush(stdout);
    return status;
}
