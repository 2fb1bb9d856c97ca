import Liquid
import Templates
import Testing
@testable import Channels

/// GSM-7 and UCS-2 counting at the segment boundaries, and the SMS step around it.
@Suite struct SMSTests {
    func count(_ text: String) -> SMSEncoding.Count { SMSEncoding.count(text) }

    @Test func gsm7SingleSegmentUpTo160Characters() {
        #expect(count(String(repeating: "a", count: 160)) == .init(encoding: .gsm7, units: 160, segments: 1, nonGSMCharacters: []))
        #expect(count(String(repeating: "a", count: 161)).segments == 2)
    }

    @Test func gsm7ConcatenatedSegmentsHold153() {
        #expect(count(String(repeating: "a", count: 306)).segments == 2)
        #expect(count(String(repeating: "a", count: 307)).segments == 3)
        #expect(count(String(repeating: "a", count: 459)).segments == 3)
        #expect(count(String(repeating: "a", count: 460)).segments == 4)
    }

    @Test func extensionCharactersCountDouble() {
        // 80 euro signs are 160 septets: one message; one more and it is two.
        #expect(count(String(repeating: "€", count: 80)) == .init(encoding: .gsm7, units: 160, segments: 1, nonGSMCharacters: []))
        #expect(count(String(repeating: "€", count: 81)).units == 162)
        #expect(count(String(repeating: "€", count: 81)).segments == 2)
        // 159 letters and one brace: 161 septets.
        #expect(count(String(repeating: "a", count: 159) + "{").segments == 2)
        #expect(count(String(repeating: "a", count: 158) + "{").segments == 1)
        for c in ["^", "{", "}", "\\", "[", "~", "]", "|", "€", "\u{0C}"] {
            #expect(count(c).units == 2, "\(c)")
            #expect(count(c).encoding == .gsm7, "\(c)")
        }
    }

    @Test func anExtensionCharacterIsNeverSplitAcrossSegments() {
        // 152 letters, then `€` (2 septets) would end at 154 > 153: it moves to the second segment.
        let text = String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 153)
        #expect(count(text).units == 307)
        // Packed: [152], [€ + 151], [2] → 3 segments, where 307 plain letters also make 3.
        #expect(count(text).segments == 3)
        let tight = String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 151)
        #expect(count(tight).units == 305)
        #expect(count(tight).segments == 2)
    }

    @Test func theGSMAlphabetIncludesAccentsAndGreekCapitals() {
        let c = count("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡ÄÖÑÜ§¿äöñüà\r\n")
        #expect(c.encoding == .gsm7)
        #expect(c.nonGSMCharacters.isEmpty)
    }

    @Test func ucs2UpTo70UnitsIsOneSegment() {
        #expect(count("ç" + String(repeating: "a", count: 69)) == .init(encoding: .ucs2, units: 70, segments: 1, nonGSMCharacters: ["ç"]))
        #expect(count("ç" + String(repeating: "a", count: 70)).segments == 2)
        #expect(count("ç" + String(repeating: "a", count: 133)).segments == 2)  // 134 = 2 × 67
        #expect(count("ç" + String(repeating: "a", count: 134)).segments == 3)
    }

    @Test func emojiTakeTwoUnitsAndAreNotSplit() {
        #expect(count("🚀").units == 2)
        #expect(count(String(repeating: "🚀", count: 35)).segments == 1)   // 70 units
        #expect(count(String(repeating: "🚀", count: 36)).segments == 2)   // 72 units
        // 66 letters then an emoji: 68 units would cross 67, so the emoji opens segment two.
        let text = String(repeating: "a", count: 66) + "🚀" + String(repeating: "a", count: 66)
        #expect(count(text).units == 134)
        #expect(count(text).segments == 3)
    }

    @Test func nonGSMCharactersAreListedOnceInOrder() {
        #expect(count("“Hi” — “you”").nonGSMCharacters == ["“", "”", "—"])
        #expect(count("").segments == 0)
    }

    @Test func theStepWarnsPastTheSegmentBudgetNamingTheUCS2Characters() throws {
        let long = String(repeating: "x", count: 140)
        let project = ScratchProject(step: """
            {"ref": "sms_1", "type": "channel", "channel_key": "twilio", "channel_type": "sms",
             "template": {"text_body": "{{ actor.name }} ’ \(long)"}}
            """)
        let m = try project.message()
        guard case .sms(let sms) = m.content else { Issue.record("not an SMS"); return }
        #expect(sms.encoding == .ucs2)
        #expect(sms.segments == 3)
        #expect(sms.to == "+15555550142")
        #expect(m.warnings.count == 1)
        #expect(m.warnings.first?.contains("3 segments") == true)
        #expect(m.warnings.first?.contains("'’' (U+2019)") == true)

        var options = WorkflowRenderer.Options()
        options.smsSegmentBudget = 3
        #expect(try project.message(options: options).warnings.isEmpty)
    }

    @Test func toNumberSettingOverridesThePhoneNumber() throws {
        let project = ScratchProject(step: """
            {"ref": "sms_1", "type": "channel", "channel_key": "twilio", "channel_type": "sms",
             "template": {"text_body": "Hi", "settings": {"to_number": "{{ data.phone }}"}}}
            """, sample: #"{"data": {"phone": "+447700900123"}, "recipient": {"id": "u1"}}"#)
        guard case .sms(let sms) = try project.message().content else { Issue.record("not an SMS"); return }
        #expect(sms.to == "+447700900123")
        #expect(sms.body == "Hi")
    }

    @Test func aRecipientWithoutAPhoneNumberIsSkipped() throws {
        let project = ScratchProject(step: """
            {"ref": "sms_1", "type": "channel", "channel_key": "twilio", "channel_type": "sms", "template": {"text_body": "Hi"}}
            """, sample: #"{"recipient": {"id": "u1", "email": "a@b.co"}}"#)
        guard case .skipped(let ref, let type, let reason) = try project.render() else { Issue.record("not skipped"); return }
        #expect(ref == "sms_1")
        #expect(type == .sms)
        #expect(reason.contains("phone_number"))
    }
}
