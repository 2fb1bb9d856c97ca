/// Ruby's `BigDecimal` as far as Shopify Liquid's math filters and `sum` use it.
///
/// Liquid converts every Float operand to `BigDecimal(float.to_s)` before doing arithmetic and
/// converts the result back with `to_f`, so `{{ 10.1 | plus: 2.2 }}` is `12.3` and
/// `{{ 10.1 | modulo: 7.0 }}` is `3.1`, not the binary floating-point neighbours. This type does
/// the same: sums, differences, products and remainders are exact, quotients carry 40
/// significant digits (Ruby's carry 36 to 40) and every result is rounded to a Double once.
///
/// To bound the work an untrusted template can cause, a value keeps at most `maxDigits`
/// significant digits; anything below them is folded into one "sticky" digit, which is far below
/// a Double's precision and so never changes the result of `toDouble()`.
struct RubyDecimal: Sendable {
    enum Kind: Sendable { case finite, nan, infinite }

    var kind: Kind
    var negative: Bool
    /// The coefficient in base 10^9, least significant limb first; `[]` is zero.
    var limbs: [UInt32]
    /// value = ±limbs × 10^exponent
    var exponent: Int

    static let maxDigits = 1000
    static let quotientDigits = 40

    static let nan = RubyDecimal(kind: .nan, negative: false, limbs: [], exponent: 0)
    static func infinity(negative: Bool) -> RubyDecimal {
        RubyDecimal(kind: .infinite, negative: negative, limbs: [], exponent: 0)
    }

    /// A finite value, trimmed and capped to `maxDigits` significant digits.
    init(negative: Bool, limbs: [UInt32], exponent: Int) {
        var l = limbs
        DecimalLimbs.trim(&l)
        var e = exponent
        let digits = DecimalLimbs.digitCount(l)
        if digits > Self.maxDigits {
            let drop = digits - Self.maxDigits
            let (kept, sticky) = DecimalLimbs.dropDigits(l, drop)
            l = sticky ? DecimalLimbs.multiply(kept, small: 10, adding: 1) : kept
            e += drop - (sticky ? 1 : 0)
        }
        if l.isEmpty { e = 0 }
        self.init(kind: .finite, negative: negative, limbs: l, exponent: e)
    }

    private init(kind: Kind, negative: Bool, limbs: [UInt32], exponent: Int) {
        self.kind = kind
        self.negative = negative
        self.limbs = limbs
        self.exponent = exponent
    }

    init(_ i: Int) {
        self.init(negative: i < 0, limbs: DecimalLimbs.from(UInt64(i.magnitude)), exponent: 0)
    }

    /// `BigDecimal(float.to_s)`: exactly the shortest decimal that round-trips to the Double.
    init(_ d: Double) {
        if d.isNaN { self = .nan; return }
        if d.isInfinite { self = .infinity(negative: d < 0); return }
        if d == 0 { self.init(negative: d.sign == .minus, limbs: [], exponent: 0); return }
        // Fast path: a Double below 2^53 that is k decimal places exactly (m / 10^k rounds back to
        // it for the smallest such k) has m × 10^-k as its shortest form, which is what `to_s` gives.
        let magnitude = abs(d)
        if magnitude < 9007199254740992 {
            for k in 0...15 {
                let p = Self.exactPowersOfTen[k]
                let m = (magnitude * p).rounded()
                if m >= 9007199254740992 { break }
                if m / p == magnitude {
                    self.init(negative: d < 0, limbs: DecimalLimbs.from(UInt64(m)), exponent: -k)
                    return
                }
            }
        }
        let (digits, firstDigitExponent) = RubyFormat.shortestDigits(abs(d))
        let limbs = DecimalLimbs.parse(Array(digits.utf8)[...])
        self.init(negative: d < 0, limbs: limbs, exponent: firstDigitExponent - (digits.utf8.count - 1))
    }

    /// A string already known to match Liquid's `/\A-?\d+\.\d+\z/` (surrounding whitespace allowed).
    init(decimalString bytes: ArraySlice<UInt8>) {
        var negative = false
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count)
        var fraction = 0
        var inFraction = false
        for b in bytes {
            if b == UInt8(ascii: "-") { negative = true }
            else if b == UInt8(ascii: ".") { inFraction = true }
            else if Bytes.isDigit(b) {
                digits.append(b)
                if inFraction { fraction += 1 }
            }
        }
        self.init(negative: negative, limbs: DecimalLimbs.parse(digits[...]), exponent: -fraction)
    }

    var isFinite: Bool { kind == .finite }
    var isZero: Bool { kind == .finite && limbs.isEmpty }
    var isNaN: Bool { kind == .nan }

    // MARK: Conversions

    /// `BigDecimal#to_f`: the nearest Double (correctly rounded once).
    func toDouble() -> Double {
        switch kind {
        case .nan: return .nan
        case .infinite: return negative ? -.infinity : .infinity
        case .finite: break
        }
        if limbs.isEmpty { return negative ? -0.0 : 0.0 }
        // Fast path: a coefficient below 2^53 and a power of ten a Double holds exactly round once.
        if limbs.count <= 2 && abs(exponent) <= 22 {
            let m = limbs.count == 2 ? UInt64(limbs[1]) * DecimalLimbs.base + UInt64(limbs[0]) : UInt64(limbs[0])
            if m < (1 << 53) {
                let p = Self.exactPowersOfTen[abs(exponent)]
                let v = exponent >= 0 ? Double(m) * p : Double(m) / p
                return negative ? -v : v
            }
        }
        let text = (negative ? "-" : "") + DecimalLimbs.decimalString(limbs) + "e" + String(exponent)
        return Double(text) ?? .nan
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { n in
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// The value as an Integer, when it is one that fits; nil for fractions, overflow and specials.
    var exactInt: Int? {
        guard kind == .finite, exponent >= 0 else { return nil }
        let digits = DecimalLimbs.digitCount(limbs)
        guard digits + exponent <= 19 else { return nil }
        var v: UInt64 = 0
        for limb in limbs.reversed() { v = v * DecimalLimbs.base + UInt64(limb) }
        for _ in 0..<exponent { v *= 10 }
        if negative {
            return v <= UInt64(Int.max) + 1 ? (v == UInt64(Int.max) + 1 ? Int.min : -Int(v)) : nil
        }
        return v <= UInt64(Int.max) ? Int(v) : nil
    }

    /// An integral value as Liquid shows it: an Integer, or (past 64 bits, where Ruby has a
    /// Bignum) the nearest Float.
    var integerValue: Value {
        if let i = exactInt { return .int(i) }
        return .double(toDouble())
    }

    // MARK: Arithmetic

    func negated() -> RubyDecimal {
        var r = self
        if kind != .nan { r.negative.toggle() }
        return r
    }

    var magnitude: RubyDecimal {
        var r = self
        r.negative = false
        return r
    }

    static func + (a: RubyDecimal, b: RubyDecimal) -> RubyDecimal {
        if !a.isFinite || !b.isFinite { return RubyDecimal(a.toDouble() + b.toDouble()) }
        if a.limbs.isEmpty { return b.limbs.isEmpty ? RubyDecimal(negative: a.negative && b.negative, limbs: [], exponent: 0) : b }
        if b.limbs.isEmpty { return a }
        // A term wholly more than `maxDigits` below the other only matters as a sticky digit.
        let top = max(a.exponent + DecimalLimbs.digitCount(a.limbs), b.exponent + DecimalLimbs.digitCount(b.limbs))
        let floor = top - Self.maxDigits - 2
        let x = a.stickyBelow(floor), y = b.stickyBelow(floor)
        let e = min(x.exponent, y.exponent)
        let lx = DecimalLimbs.shifted(x.limbs, by: x.exponent - e)
        let ly = DecimalLimbs.shifted(y.limbs, by: y.exponent - e)
        if x.negative == y.negative {
            return RubyDecimal(negative: x.negative, limbs: DecimalLimbs.add(lx, ly), exponent: e)
        }
        switch DecimalLimbs.compare(lx, ly) {
        case 0: return RubyDecimal(negative: false, limbs: [], exponent: 0)
        case 1: return RubyDecimal(negative: x.negative, limbs: DecimalLimbs.subtract(lx, ly), exponent: e)
        default: return RubyDecimal(negative: y.negative, limbs: DecimalLimbs.subtract(ly, lx), exponent: e)
        }
    }

    /// This value with every digit below 10^floor folded into one sticky unit at 10^(floor-1).
    private func stickyBelow(_ floor: Int) -> RubyDecimal {
        guard exponent < floor else { return self }
        let drop = floor - exponent
        if drop >= DecimalLimbs.digitCount(limbs) {
            return RubyDecimal(negative: negative, limbs: [1], exponent: floor - 1)
        }
        let (kept, sticky) = DecimalLimbs.dropDigits(limbs, drop)
        if !sticky { return RubyDecimal(negative: negative, limbs: kept, exponent: floor) }
        return RubyDecimal(negative: negative, limbs: DecimalLimbs.multiply(kept, small: 10, adding: 1), exponent: floor - 1)
    }

    static func - (a: RubyDecimal, b: RubyDecimal) -> RubyDecimal { a + b.negated() }

    static func * (a: RubyDecimal, b: RubyDecimal) -> RubyDecimal {
        if !a.isFinite || !b.isFinite { return RubyDecimal(a.toDouble() * b.toDouble()) }
        return RubyDecimal(negative: a.negative != b.negative, limbs: DecimalLimbs.multiply(a.limbs, b.limbs),
                           exponent: a.exponent + b.exponent)
    }

    /// `BigDecimal#/`; the caller rejects a zero divisor first (Ruby's ZeroDivisionError).
    static func / (a: RubyDecimal, b: RubyDecimal) -> RubyDecimal {
        if !a.isFinite || !b.isFinite { return RubyDecimal(a.toDouble() / b.toDouble()) }
        let negative = a.negative != b.negative
        if a.limbs.isEmpty { return RubyDecimal(negative: negative, limbs: [], exponent: 0) }
        // Scale the dividend so the integer quotient has at least `quotientDigits` digits.
        let scale = max(0, quotientDigits + DecimalLimbs.digitCount(b.limbs) - DecimalLimbs.digitCount(a.limbs) + 1)
        let (q, r) = DecimalLimbs.divMod(DecimalLimbs.shifted(a.limbs, by: scale), b.limbs)
        if r.isEmpty {
            return RubyDecimal(negative: negative, limbs: q, exponent: a.exponent - b.exponent - scale)
        }
        return RubyDecimal(negative: negative, limbs: DecimalLimbs.multiply(q, small: 10, adding: 1),
                           exponent: a.exponent - b.exponent - scale - 1)
    }

    /// `BigDecimal#%`: `a - b * (a / b).floor`, exact; the result takes the divisor's sign.
    /// The caller rejects a zero divisor first.
    static func % (a: RubyDecimal, b: RubyDecimal) -> RubyDecimal {
        if a.isNaN || b.isNaN || a.kind == .infinite { return .nan }
        if b.kind == .infinite { return a }
        if a.limbs.isEmpty { return RubyDecimal(negative: false, limbs: [], exponent: 0) }
        let e = min(a.exponent, b.exponent)
        if abs(a.exponent - b.exponent) > 4 * maxDigits {
            // Operands thousands of orders of magnitude apart (only decimal strings get here):
            // Float arithmetic instead of a division with millions of digits.
            let x = a.toDouble(), y = b.toDouble()
            var r = x.truncatingRemainder(dividingBy: y)
            if r != 0 && (r < 0) != (y < 0) { r += y }
            return RubyDecimal(r)
        }
        let la = DecimalLimbs.shifted(a.limbs, by: a.exponent - e)
        let lb = DecimalLimbs.shifted(b.limbs, by: b.exponent - e)
        var (_, r) = DecimalLimbs.divMod(la, lb)
        if r.isEmpty { return RubyDecimal(negative: false, limbs: [], exponent: 0) }
        if a.negative != b.negative { r = DecimalLimbs.subtract(lb, r) }
        return RubyDecimal(negative: b.negative, limbs: r, exponent: e)
    }

    /// Integer division, floored as Ruby's Integer#/ does, for two integral values (b non-zero).
    static func floorDivide(_ a: RubyDecimal, _ b: RubyDecimal) -> RubyDecimal {
        let la = DecimalLimbs.shifted(a.limbs, by: a.exponent)
        let lb = DecimalLimbs.shifted(b.limbs, by: b.exponent)
        var (q, r) = DecimalLimbs.divMod(la, lb)
        let negative = a.negative != b.negative
        if negative && !r.isEmpty { q = DecimalLimbs.add(q, [1]) }
        return RubyDecimal(negative: negative && !q.isEmpty, limbs: q, exponent: 0)
    }

    /// Ruby's `<=>` between two numbers; nil when either is NaN.
    static func compare(_ a: RubyDecimal, _ b: RubyDecimal) -> Int? {
        if a.isNaN || b.isNaN { return nil }
        if a.kind == .infinite || b.kind == .infinite {
            let x = a.kind == .infinite ? (a.negative ? -1 : 1) : 0
            let y = b.kind == .infinite ? (b.negative ? -1 : 1) : 0
            if x != y { return x < y ? -1 : 1 }
            if x != 0 { return 0 }
        }
        let d = a - b
        if d.limbs.isEmpty { return 0 }
        return d.negative ? -1 : 1
    }

    // MARK: Rounding

    enum RoundingMode { case halfUp, floor, ceiling }

    /// Round to `places` digits after the decimal point (negative: to tens, hundreds, ...).
    /// `halfUp` is BigDecimal's default: halves go away from zero.
    func rounded(places: Int, _ mode: RoundingMode) -> RubyDecimal {
        guard kind == .finite, !limbs.isEmpty else { return self }
        let targetExponent = -places
        if exponent >= targetExponent { return self }
        let drop = targetExponent - exponent
        let digits = DecimalLimbs.digitCount(limbs)
        var kept: [UInt32]
        var roundUp: Bool
        if drop > digits {
            // Everything is below the last kept digit and below half of it.
            kept = []
            switch mode {
            case .halfUp: roundUp = false
            case .floor: roundUp = negative
            case .ceiling: roundUp = !negative
            }
        } else {
            let (q, _) = DecimalLimbs.dropDigits(limbs, drop)
            kept = q
            // The dropped part, compared with half a unit of the kept digit.
            let droppedPart = DecimalLimbs.subtract(limbs, DecimalLimbs.shifted(q, by: drop))
            let isZero = droppedPart.isEmpty
            switch mode {
            case .halfUp:
                let half = DecimalLimbs.shifted([5], by: drop - 1)
                roundUp = DecimalLimbs.compare(droppedPart, half) >= 0
            case .floor: roundUp = negative && !isZero
            case .ceiling: roundUp = !negative && !isZero
            }
        }
        if roundUp { kept = DecimalLimbs.add(kept, [1]) }
        return RubyDecimal(negative: negative, limbs: kept, exponent: targetExponent)
    }
}

/// Unsigned magnitudes in base 10^9, least significant limb first, with no zero top limbs.
enum DecimalLimbs {
    static let base: UInt64 = 1_000_000_000
    static let powersOfTen: [UInt32] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    static func from(_ v: UInt64) -> [UInt32] {
        var out: [UInt32] = []
        var v = v
        while v > 0 {
            out.append(UInt32(v % base))
            v /= base
        }
        return out
    }

    @inline(__always) static func trim(_ a: inout [UInt32]) {
        while let last = a.last, last == 0 { a.removeLast() }
    }

    /// Decimal digits (ASCII) to limbs.
    static func parse(_ digits: ArraySlice<UInt8>) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(digits.count / 9 + 1)
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = max(digits.startIndex, end - 9)
            var limb: UInt32 = 0
            for b in digits[start..<end] { limb = limb * 10 + UInt32(b &- 0x30) }
            out.append(limb)
            end = start
        }
        trim(&out)
        return out
    }

    static func decimalString(_ a: [UInt32]) -> String {
        guard let top = a.last else { return "0" }
        var s = String(top)
        var i = a.count - 2
        while i >= 0 {
            let part = String(a[i])
            s += String(repeating: "0", count: 9 - part.count) + part
            i -= 1
        }
        return s
    }

    static func digitCount(_ a: [UInt32]) -> Int {
        guard var top = a.last else { return 0 }
        var d = 1
        while top >= 10 {
            top /= 10
            d += 1
        }
        return (a.count - 1) * 9 + d
    }

    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let n = max(a.count, b.count)
        var out: [UInt32] = []
        out.reserveCapacity(n + 1)
        var carry: UInt64 = 0
        for i in 0..<n {
            let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            out.append(UInt32(s % base))
            carry = s / base
        }
        if carry > 0 { out.append(UInt32(carry)) }
        return out
    }

    /// a - b, for a >= b.
    static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = a
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - borrow - Int64(i < b.count ? b[i] : 0)
            if d < 0 {
                d += Int64(base)
                borrow = 1
            } else {
                borrow = 0
            }
            out[i] = UInt32(d)
        }
        trim(&out)
        return out
    }

    static func multiply(_ a: [UInt32], small m: UInt32, adding c: UInt32 = 0) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(a.count + 1)
        var carry = UInt64(c)
        for x in a {
            let p = UInt64(x) * UInt64(m) + carry
            out.append(UInt32(p % base))
            carry = p / base
        }
        while carry > 0 {
            out.append(UInt32(carry % base))
            carry /= base
        }
        trim(&out)
        return out
    }

    static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        if b.count == 1 { return multiply(a, small: b[0]) }
        if a.count == 1 { return multiply(b, small: a[0]) }
        var acc = [UInt64](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            let x = UInt64(a[i])
            if x == 0 { continue }
            var carry: UInt64 = 0
            for j in 0..<b.count {
                let t = acc[i + j] + x * UInt64(b[j]) + carry
                acc[i + j] = t % base
                carry = t / base
            }
            var k = i + b.count
            while carry > 0 {
                let t = acc[k] + carry
                acc[k] = t % base
                carry = t / base
                k += 1
            }
        }
        var out = acc.map { UInt32($0) }
        trim(&out)
        return out
    }

    /// a × 10^k, k >= 0.
    static func shifted(_ a: [UInt32], by k: Int) -> [UInt32] {
        if a.isEmpty || k <= 0 { return a }
        var out = [UInt32](repeating: 0, count: k / 9)
        out.append(contentsOf: a)
        let rest = k % 9
        return rest > 0 ? multiply(out, small: powersOfTen[rest]) : out
    }

    static func divide(_ a: [UInt32], small d: UInt32) -> ([UInt32], UInt32) {
        var q = [UInt32](repeating: 0, count: a.count)
        var r: UInt64 = 0
        var i = a.count - 1
        while i >= 0 {
            let cur = r * base + UInt64(a[i])
            q[i] = UInt32(cur / UInt64(d))
            r = cur % UInt64(d)
            i -= 1
        }
        trim(&q)
        return (q, UInt32(r))
    }

    /// Drop the lowest `k` decimal digits: the quotient by 10^k, and whether anything non-zero
    /// was dropped.
    static func dropDigits(_ a: [UInt32], _ k: Int) -> ([UInt32], Bool) {
        if k <= 0 { return (a, false) }
        let whole = k / 9
        if whole >= a.count { return ([], !a.isEmpty) }
        var sticky = a[..<whole].contains { $0 != 0 }
        var out = Array(a[whole...])
        let rest = k % 9
        if rest > 0 {
            let (q, r) = divide(out, small: powersOfTen[rest])
            out = q
            if r != 0 { sticky = true }
        }
        return (out, sticky)
    }

    /// Quotient and remainder of a / b, b non-zero: schoolbook division, one base-10^9 digit at a
    /// time, each found by binary search (the operands here are a few limbs long).
    static func divMod(_ a: [UInt32], _ b: [UInt32]) -> ([UInt32], [UInt32]) {
        if compare(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let (q, r) = divide(a, small: b[0])
            return (q, r == 0 ? [] : [r])
        }
        var q = [UInt32](repeating: 0, count: a.count)
        var r: [UInt32] = []
        var i = a.count - 1
        while i >= 0 {
            r.insert(a[i], at: 0)
            trim(&r)
            if compare(r, b) >= 0 {
                var lo: UInt64 = 1, hi: UInt64 = base - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if compare(multiply(b, small: UInt32(mid)), r) <= 0 { lo = mid } else { hi = mid - 1 }
                }
                q[i] = UInt32(lo)
                r = subtract(r, multiply(b, small: UInt32(lo)))
            }
            i -= 1
        }
        trim(&q)
        return (q, r)
    }
}
