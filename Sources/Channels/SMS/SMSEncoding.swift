/// How a carrier counts a text message (3GPP TS 23.038 and 23.040): GSM-7 when every character
/// is in the GSM 7-bit default alphabet or its extension table (extension characters take two
/// septets: an escape and the character), else UCS-2 (UTF-16 code units). One message holds
/// 160 septets or 70 UCS-2 units; a longer one is split into segments of 153 septets or 67 units
/// (the rest of each carries the concatenation header), and a segment never splits an extension
/// character or a surrogate pair.
public enum SMSEncoding {
    public enum Encoding: String, Sendable {
        case gsm7
        case ucs2
    }

    public struct Count: Sendable, Equatable {
        public var encoding: Encoding
        /// Septets (GSM-7) or UTF-16 code units (UCS-2).
        public var units: Int
        public var segments: Int
        /// Characters outside GSM-7 (what forced UCS-2), each once, in order.
        public var nonGSMCharacters: [String]
    }

    /// The GSM 7-bit default alphabet (without the escape code).
    static let basic: Set<Unicode.Scalar> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
            .unicodeScalars)
    /// The extension table: each is sent as escape + character, two septets.
    static let extended: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    public static func count(_ text: String) -> Count {
        var nonGSM: [String] = []
        var seen = Set<Unicode.Scalar>()
        for c in text.unicodeScalars where !basic.contains(c) && !extended.contains(c) {
            if seen.insert(c).inserted { nonGSM.append(String(c)) }
        }
        if nonGSM.isEmpty {
            let widths = text.unicodeScalars.map { basic.contains($0) ? 1 : 2 }
            return Count(encoding: .gsm7, units: widths.reduce(0, +), segments: segments(widths, single: 160, part: 153),
                         nonGSMCharacters: [])
        }
        let widths = text.unicodeScalars.map { $0.value > 0xFFFF ? 2 : 1 }
        return Count(encoding: .ucs2, units: widths.reduce(0, +), segments: segments(widths, single: 70, part: 67),
                     nonGSMCharacters: nonGSM)
    }

    /// Segments for characters of these widths: one if all fit in `single`, else packed into
    /// parts of `part` units without splitting a character.
    static func segments(_ widths: [Int], single: Int, part: Int) -> Int {
        let total = widths.reduce(0, +)
        if total == 0 { return 0 }
        if total <= single { return 1 }
        var count = 1
        var used = 0
        for w in widths {
            if used + w > part {
                count += 1
                used = 0
            }
            used += w
        }
        return count
    }
}
