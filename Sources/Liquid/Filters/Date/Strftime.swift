/// Ruby's `Time#strftime` (ruby/strftime.c), directive for directive, over bytes.
///
/// A directive is `%`, then flags (`-` no padding, `_` spaces, `0` zeros, `^` upcase, `#` change
/// case), a width, colons (for `%:z`), and a conversion letter. What Ruby does not know is copied
/// as written (`%Q` → `%Q`, `%10-d` → `%10-d`); a directive cut off by the end of the format is
/// an error in Ruby ("invalid format"), reported here as `.invalid`.
struct Strftime {
    enum Outcome { case ok, invalid, tooLong }

    let date: LiquidDate
    let time: CivilTime

    init(date: LiquidDate) {
        self.date = date
        self.time = date.civil
    }

    private static let left = 1, changeCase = 2, lower = 4, upper = 8

    private static let eModified: [UInt8] = Array("cCxXyY".utf8)
    private static let oModified: [UInt8] = Array("deHkIlmMSuUVwWy".utf8)

    private static let weekdays: [StaticString] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months: [StaticString] = ["January", "February", "March", "April", "May", "June", "July",
                                                 "August", "September", "October", "November", "December"]

    /// Append `format` rendered to `out`. `limit` caps the length of `out` (widths can ask for
    /// anything up to 2³¹ bytes).
    func format(_ f: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], strict: Bool, limit: Int) -> Outcome {
        var i = 0
        let n = f.count
        while i < n {
            if f[i] != 0x25 {
                var j = i + 1
                while j < n && f[j] != 0x25 { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: f[i..<j]))
                i = j
                if out.count > limit { return .tooLong }
                continue
            }
            let start = i
            var d = Directive()
            var j = i
            var handled = false
            scan: while true {
                j += 1
                if j >= n {
                    // A directive cut off by the end of the format.
                    if strict { return .invalid }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: f[start..<n]))
                    return out.count > limit ? .tooLong : .ok
                }
                let c = f[j]
                switch c {
                case 0x2D:  // -
                    if d.precision > 0 { break scan }
                    d.flags |= Self.left
                    d.padding = 0
                    d.precision = 0
                    continue scan
                case 0x5E:  // ^
                    if d.precision > 0 { break scan }
                    d.flags |= Self.upper
                    continue scan
                case 0x23:  // #
                    if d.precision > 0 { break scan }
                    d.flags |= Self.changeCase
                    continue scan
                case 0x5F:  // _
                    if d.precision > 0 { break scan }
                    d.padding = 0x20
                    continue scan
                case 0x3A:  // :, ::, ::: before z
                    var colons = 1
                    while colons <= 3 {
                        if j + colons >= n { break scan }
                        if f[j + colons] == 0x7A { break }
                        if f[j + colons] != 0x3A { break scan }
                        colons += 1
                    }
                    d.colons = colons
                    j += colons - 1
                    continue scan
                case 0x30...0x39:  // width (a leading 0 also asks for zeros)
                    if c == 0x30 { d.padding = 0x30 }
                    var value = 0
                    var k = j
                    while k < n && f[k] >= 0x30 && f[k] <= 0x39 {
                        value = value * 10 + Int(f[k] - 0x30)
                        if value > Int(Int32.max) { break scan }
                        k += 1
                    }
                    d.precision = value
                    j = k - 1
                    continue scan
                case 0x45:  // E: POSIX locale modifier, ignored before cCxXyY
                    if j + 1 < n, Self.eModified.contains(f[j + 1]) { continue scan }
                case 0x4F:  // O: ignored before deHkIlmMSuUVwWy
                    if j + 1 < n, Self.oModified.contains(f[j + 1]) { continue scan }
                default:
                    switch convert(c, &d, into: &out, strict: strict, limit: limit) {
                    case .done: handled = true
                    case .tooLong: return .tooLong
                    case .unknown: break
                    case .unknownBefore: j -= 1  // `%::::z`: the directive ends before the z
                    }
                }
                break scan
            }
            if !handled {
                // Not a directive Ruby knows: copied as written, up to and including this character.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: f[start...j]))
            }
            if out.count > limit { return .tooLong }
            i = j + 1
        }
        return .ok
    }

    private struct Directive {
        var precision = -1
        var flags = 0
        var padding: UInt8 = 0
        var colons = 0
    }

    private enum Converted { case done, unknown, unknownBefore, tooLong }

    private func convert(_ c: UInt8, _ d: inout Directive, into out: inout [UInt8], strict: Bool, limit: Int) -> Converted {
        if max(d.precision, 0) > limit - out.count { return .tooLong }
        switch c {
        case 0x25:  // %
            fillPadding(1, d, &out)
            out.append(0x25)
        case 0x61, 0x41:  // a A
            if d.flags & Self.changeCase != 0 {
                d.flags &= ~(Self.lower | Self.changeCase)
                d.flags |= Self.upper
            }
            let name = Self.weekdays[time.weekday]
            text(name, length: c == 0x61 ? 3 : name.utf8CodeUnitCount, d, &out)
        case 0x62, 0x68, 0x42:  // b h B
            if d.flags & Self.changeCase != 0 {
                d.flags &= ~(Self.lower | Self.changeCase)
                d.flags |= Self.upper
            }
            let name = Self.months[time.month - 1]
            text(name, length: c == 0x42 ? name.utf8CodeUnitCount : 3, d, &out)
        case 0x70, 0x50:  // p P
            if (c == 0x70 && d.flags & Self.changeCase != 0)
                || (c == 0x50 && d.flags & (Self.changeCase | Self.upper) == 0)
            {
                d.flags &= ~(Self.upper | Self.changeCase)
                d.flags |= Self.lower
            }
            text(time.hour < 12 ? "AM" : "PM", length: 2, d, &out)
        case 0x5A:  // Z
            if d.flags & Self.changeCase != 0 {
                d.flags &= ~(Self.upper | Self.changeCase)
                d.flags |= Self.lower
            }
            if date.isUTC {
                text("UTC", length: 3, d, &out)
            } else if let zone = date.zoneAbbreviation, !zone.isEmpty {
                let bytes = Array(zone.utf8)
                fillPadding(bytes.count, d, &out)
                let at = out.count
                out.append(contentsOf: bytes)
                caseConvert(&out, from: at, d.flags)
            }
        case 0x63: return composite("%a %b %e %H:%M:%S %Y", d, &out, strict, limit)  // c
        case 0x78, 0x44: return composite("%m/%d/%y", d, &out, strict, limit)  // x D
        case 0x58, 0x54: return composite("%H:%M:%S", d, &out, strict, limit)  // X T
        case 0x72: return composite("%I:%M:%S %p", d, &out, strict, limit)  // r
        case 0x52: return composite("%H:%M", d, &out, strict, limit)  // R
        case 0x76: return composite("%e-%^b-%4Y", d, &out, strict, limit)  // v
        case 0x46: return composite("%Y-%m-%d", d, &out, strict, limit)  // F
        case 0x64: number(time.day, pad: 0x30, width: 2, d, &out)  // d
        case 0x65: number(time.day, pad: 0x20, width: 2, d, &out)  // e
        case 0x48: number(time.hour, pad: 0x30, width: 2, d, &out)  // H
        case 0x6B: number(time.hour, pad: 0x20, width: 2, d, &out)  // k
        case 0x49: number(hour12, pad: 0x30, width: 2, d, &out)  // I
        case 0x6C: number(hour12, pad: 0x20, width: 2, d, &out)  // l
        case 0x6A: number(time.yearDay, pad: 0x30, width: 3, d, &out)  // j
        case 0x6D: number(time.month, pad: 0x30, width: 2, d, &out)  // m
        case 0x4D: number(time.minute, pad: 0x30, width: 2, d, &out)  // M
        case 0x53: number(time.second, pad: 0x30, width: 2, d, &out)  // S
        case 0x77: number(time.weekday, pad: 0x30, width: 1, d, &out)  // w
        case 0x75: number(time.weekday == 0 ? 7 : time.weekday, pad: 0x30, width: 1, d, &out)  // u
        case 0x55: number(weekNumber(firstWeekday: 0), pad: 0x30, width: 2, d, &out)  // U
        case 0x57: number(weekNumber(firstWeekday: 1), pad: 0x30, width: 2, d, &out)  // W
        case 0x56: number(isoWeek.week, pad: 0x30, width: 2, d, &out)  // V
        case 0x47: number(isoWeek.year, pad: 0x30, width: isoWeek.year >= 0 ? 4 : 5, d, &out)  // G
        case 0x67: number(CivilCalendar.floorMod(isoWeek.year, 100), pad: 0x30, width: 2, d, &out)  // g
        case 0x59: number(time.year, pad: 0x30, width: time.year >= 0 ? 4 : 5, d, &out)  // Y
        case 0x43: number(CivilCalendar.floorDiv(time.year, 100), pad: 0x30, width: 2, d, &out)  // C
        case 0x79: number(CivilCalendar.floorMod(time.year, 100), pad: 0x30, width: 2, d, &out)  // y
        case 0x73: number(date.unixSeconds, pad: 0x30, width: 1, d, &out)  // s
        case 0x4C, 0x4E:  // L N: fraction digits, truncated (%3N milli, %6N micro, %9N nano)
            let digits = d.precision > 0 ? d.precision : (c == 0x4C ? 3 : 9)
            var value = date.nanoseconds
            if digits < 9 {
                for _ in digits..<9 { value /= 10 }
                appendPadded(value, width: digits, zero: true, &out)
            } else {
                appendPadded(value, width: 9, zero: true, &out)
                out.append(contentsOf: repeatElement(0x30, count: digits - 9))
            }
        case 0x7A:  // z
            return zoneOffset(d, &out)
        case 0x6E:  // n
            fillPadding(1, d, &out)
            out.append(0x0A)
        case 0x74:  // t
            fillPadding(1, d, &out)
            out.append(0x09)
        default:
            return .unknown
        }
        return .done
    }

    private var hour12: Int {
        let h = time.hour % 12
        return h == 0 ? 12 : h
    }

    private var isoWeek: (week: Int, year: Int) {
        CivilCalendar.isoWeek(year: time.year, yearDay: time.yearDay, weekday: time.weekday)
    }

    /// `%U` (weeks start on Sunday) and `%W` (Monday): the week of the year, 00 before the first one.
    private func weekNumber(firstWeekday: Int) -> Int {
        var weekday = time.weekday
        if firstWeekday == 1 { weekday = weekday == 0 ? 6 : weekday - 1 }
        return max((time.yearDay - 1 + 7 - weekday) / 7, 0)
    }

    // MARK: - Output

    /// Ruby's FILL_PADDING: pad a `length`-byte item on the left to the width, unless `-`.
    private func fillPadding(_ length: Int, _ d: Directive, _ out: inout [UInt8]) {
        if d.flags & Self.left == 0 && d.precision > length {
            out.append(contentsOf: repeatElement(d.padding != 0 ? d.padding : 0x20, count: d.precision - length))
        }
    }

    /// Upcase (`^`) or downcase what was appended from `start`; neither when both or none apply.
    private func caseConvert(_ out: inout [UInt8], from start: Int, _ flags: Int) {
        switch flags & (Self.upper | Self.lower) {
        case Self.upper:
            for k in start..<out.count where out[k] >= 0x61 && out[k] <= 0x7A { out[k] -= 0x20 }
        case Self.lower:
            for k in start..<out.count where out[k] >= 0x41 && out[k] <= 0x5A { out[k] += 0x20 }
        default:
            break
        }
    }

    /// A name (its first `length` bytes), padded and case-converted.
    private func text(_ s: StaticString, length: Int, _ d: Directive, _ out: inout [UInt8]) {
        fillPadding(length, d, &out)
        let at = out.count
        s.withUTF8Buffer { out.append(contentsOf: $0.prefix(length)) }
        caseConvert(&out, from: at, d.flags)
    }

    /// Ruby's FMT: a number at the width (`-`: none; default per directive), zero- or
    /// space-padded (`0`/`_` override the directive's default).
    private func number(_ value: Int, pad: UInt8, width: Int, _ d: Directive, _ out: inout [UInt8]) {
        let w = d.flags & Self.left != 0 ? 1 : (d.precision <= 0 ? width : d.precision)
        let zero = d.padding == 0x30 || (d.padding == 0 && pad == 0x30)
        appendPadded(value, width: w, zero: zero, &out)
    }

    /// C's `%0*ld` (zero: the sign, then zeros) or `%*ld` (spaces before the sign).
    private func appendPadded(_ value: Int, width: Int, zero: Bool, _ out: inout [UInt8]) {
        var m = value.magnitude
        var digitCount = 1
        var rest = m
        while rest >= 10 { rest /= 10; digitCount += 1 }
        let length = digitCount + (value < 0 ? 1 : 0)
        let fill = max(width - length, 0)
        if zero {
            if value < 0 { out.append(0x2D) }
            if fill > 0 { out.append(contentsOf: repeatElement(0x30, count: fill)) }
        } else {
            if fill > 0 { out.append(contentsOf: repeatElement(0x20, count: fill)) }
            if value < 0 { out.append(0x2D) }
        }
        // The digits, written from the last one back into room made for them.
        var at = out.count + digitCount
        for _ in 0..<digitCount { out.append(0x30) }
        repeat {
            at -= 1
            out[at] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
            m /= 10
        } while m > 0
    }

    /// `%c`, `%x`, ...: the expansion formatted, case-converted as a whole, and padded to the
    /// width (even with `-`, as in Ruby).
    private func composite(_ expansion: StaticString, _ d: Directive, _ out: inout [UInt8], _ strict: Bool, _ limit: Int) -> Converted {
        let at = out.count
        let inner = UnsafeBufferPointer(start: expansion.utf8Start, count: expansion.utf8CodeUnitCount)
        if format(inner, into: &out, strict: strict, limit: limit) == .tooLong { return .tooLong }
        let length = out.count - at
        if length > 0 { caseConvert(&out, from: at, d.flags) }
        if d.precision > length {
            out.insert(contentsOf: repeatElement(d.padding != 0 ? d.padding : 0x20, count: d.precision - length), at: at)
        }
        return .done
    }

    /// `%z` +hhmm, `%:z` +hh:mm, `%::z` +hh:mm:ss, `%:::z` +hh[:mm[:ss]] (as short as exact).
    /// A width pads the hours: with zeros after the sign, or (`_`) with spaces before it.
    private func zoneOffset(_ d: Directive, _ out: inout [UInt8]) -> Converted {
        var off = date.isUTC ? 0 : date.utcOffset
        var negative = false
        if off < 0 || (date.isUTC && d.flags & Self.left != 0) {  // Ruby: UTC with `-` is "-0000"
            off = -off
            negative = true
        }
        var p = d.precision
        switch d.colons {
        case 0: p = p <= 5 ? 2 : p - 3
        case 1: p = p <= 6 ? 2 : p - 4
        case 2: p = p <= 9 ? 2 : p - 7
        case 3:
            if off % 3600 == 0 {
                p = p <= 3 ? 2 : p - 1
            } else if off % 60 == 0 {
                p = p <= 6 ? 2 : p - 4
            } else {
                p = p <= 9 ? 2 : p - 7
            }
        default:
            return .unknownBefore
        }
        let hours = off / 3600
        let sign: UInt8 = negative ? 0x2D : 0x2B
        if d.padding == 0x20 {
            let length = String(hours).utf8.count + 1
            out.append(contentsOf: repeatElement(0x20, count: max(p + 1 - length, 0)))
            out.append(sign)
            appendPadded(hours, width: 0, zero: true, &out)
        } else {
            out.append(sign)
            appendPadded(hours, width: p, zero: true, &out)
        }
        off %= 3600
        if d.colons == 3 && off == 0 { return .done }
        if d.colons >= 1 { out.append(0x3A) }
        appendPadded(off / 60, width: 2, zero: true, &out)
        off %= 60
        if d.colons == 3 && off == 0 { return .done }
        if d.colons >= 2 {
            out.append(0x3A)
            appendPadded(off, width: 2, zero: true, &out)
        }
        return .done
    }
}
