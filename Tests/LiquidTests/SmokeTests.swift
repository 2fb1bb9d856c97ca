import Testing
@testable import Liquid
@Test func smoke() throws { #expect(try Environment().parse("{{ 1 }}").render() == "1") }
