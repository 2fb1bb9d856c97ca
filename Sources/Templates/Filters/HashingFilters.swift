import Liquid

/// Knock's hashing filters (knock-spec §1.3): `md5`, `sha256` and `hmac_sha256: key`.
///
/// Knock does not document the output encoding; we print lowercase hexadecimal, the common form
/// (Gravatar URLs, webhook signatures, Intercom-style identity hashes). The input is hashed as the
/// UTF-8 bytes of its string form (`123` hashes "123"). A nil input gives nil: there is nothing to
/// hash, and a hash of "" would look like a real value.
enum HashingFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("md5") { input, _, _ in
            if input.isNil { return .nil }
            return .string(lowercaseHex(MD5.digest(input.liquidString.utf8)))
        },
        FilterDefinition("sha256") { input, _, _ in
            if input.isNil { return .nil }
            return .string(lowercaseHex(SHA256.digest(input.liquidString.utf8)))
        },
        // `{{ recipient.id | hmac_sha256: "some-key" }}`. A nil key (an undefined variable, most
        // likely a secret that was not passed) is an error rather than a signature under "".
        FilterDefinition("hmac_sha256", arguments: 1...1) { input, arguments, _ in
            let key = arguments[0] ?? .nil
            if key.isNil { throw LiquidError.argument("hmac_sha256: the key is nil (is the variable holding it defined?)") }
            if input.isNil { return .nil }
            let mac = SHA256.hmac(key: Array(key.liquidString.utf8), message: Array(input.liquidString.utf8))
            return .string(lowercaseHex(mac))
        },
    ]

    /// Lowercase hexadecimal, two digits per byte.
    static func lowercaseHex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
