import Liquid

/// SMS (knock-spec §5): `text_body` rendered and trimmed, `to` from `settings.to_number` or
/// `recipient.phone_number`, and how carriers will count it: encoding and segments, with a
/// warning past the segment budget that names the characters forcing UCS-2.
struct SMSRenderer: ChannelRenderer {
    func missingRecipientData(_ step: StepRendering) -> String? {
        if step.settings["to_number"]?.stringValue != nil { return nil }
        guard let phone = step.recipient?["phone_number"]?.stringValue, !phone.trimmingSpaces.isEmpty else {
            return step.recipient == nil ? "there is no recipient" : "the recipient has no phone number (recipient.phone_number)"
        }
        return nil
    }

    func render(_ step: StepRendering) throws -> MessageContent {
        let body = try step.renderField("text_body")?.trimmingSpaces ?? ""
        var to = step.recipient?["phone_number"]?.stringValue?.trimmingSpaces
        if let number = try step.renderSetting("to_number")?.trimmingSpaces, !number.isEmpty { to = number }
        if let overrides = try step.renderSetting("payload_overrides"), !overrides.trimmingSpaces.isEmpty {
            _ = try step.parseJSON(overrides, path: "template.settings.payload_overrides")
        }
        if let to, !Self.looksLikeE164(to) {
            step.warn("to '\(to)' is not an E.164 phone number (+ and country code, up to 15 digits)")
        }

        let count = SMSEncoding.count(body)
        if body.isEmpty { step.warn("the SMS body is empty") }
        if count.segments > step.options.smsSegmentBudget {
            var warning = "the SMS needs \(count.segments) segments (\(count.units) \(count.encoding == .gsm7 ? "GSM-7 characters" : "UCS-2 units")); "
                + "the budget is \(step.options.smsSegmentBudget)"
            if count.encoding == .ucs2 {
                let shown = count.nonGSMCharacters.prefix(5).map { "'\($0)' (U+\(Self.hex($0)))" }.joined(separator: ", ")
                warning += "; it is sent as UCS-2 (70 characters a segment, not 160) because of \(shown)"
            }
            step.warn(warning)
        }
        return .sms(SMSContent(to: to, body: body, encoding: count.encoding, units: count.units, segments: count.segments,
                               nonGSMCharacters: count.nonGSMCharacters))
    }

    static func looksLikeE164(_ s: String) -> Bool {
        guard s.hasPrefix("+") else { return false }
        let digits = s.dropFirst()
        return (7...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber } && digits.first != "0"
    }

    static func hex(_ s: String) -> String {
        let v = String(s.unicodeScalars.first!.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - v.count)) + v
    }
}
