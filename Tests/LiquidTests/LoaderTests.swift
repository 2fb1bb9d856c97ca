import Testing
@testable import Liquid
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LoaderTests {
    /// A temporary folder: root/partials/{ok.liquid, sub/deep.liquid, escape -> ../secret.liquid}.
    func makeTree() throws -> String {
        var template = Array("/tmp/missive-loader-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        mkdir(dir + "/partials", 0o755)
        mkdir(dir + "/partials/sub", 0o755)
        write(dir + "/partials/ok.liquid", "ok {{ x }}")
        write(dir + "/partials/sub/deep.liquid", "deep")
        write(dir + "/secret.liquid", "SECRET")
        symlink(dir + "/secret.liquid", dir + "/partials/escape.liquid")
        symlink(dir + "/partials/ok.liquid", dir + "/partials/alias.liquid")
        return dir
    }

    func write(_ path: String, _ text: String) {
        let f = fopen(path, "w")!
        fputs(text, f)
        fclose(f)
    }

    @Test func loadsInsideTheRoot() throws {
        let loader = try FileSystemLoader(root: makeTree() + "/partials")
        #expect(try loader.source(named: "ok") == "ok {{ x }}")
        #expect(try loader.source(named: "sub/deep") == "deep")
        #expect(try loader.source(named: "alias") == "ok {{ x }}")
    }

    @Test func refusesEscapes() throws {
        let dir = try makeTree()
        let loader = try FileSystemLoader(root: dir + "/partials")
        for name in ["../secret", "sub/../../secret", "/etc/passwd", dir + "/secret", "escape", "", "a//b", "./ok"] {
            #expect(throws: LiquidError.self, "\(name)") { try loader.source(named: name) }
        }
    }

    @Test func renderThroughTheLoader() throws {
        var env = Environment()
        env.loader = try FileSystemLoader(root: makeTree() + "/partials")
        env.renderErrors = .raise
        #expect(try env.parse("{% render 'ok', x: 1 %}").render() == "ok 1")
        #expect(throws: LiquidError.self) { try env.parse("{% render '../secret' %}").render() }
    }

    @Test func inMemoryLoaderMissingPartial() {
        #expect(error("{% render 'nope' %}")?.kind == .fileSystem)
    }
}
