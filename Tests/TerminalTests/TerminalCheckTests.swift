import Testing

@testable import Terminal

@Suite struct TerminalCheckTests {
    @Test func anInteractiveTerminalWithATermHasNoProblem() {
        #expect(TerminalCheck.problem(stdinIsTTY: true, stdoutIsTTY: true, term: "xterm-256color") == nil)
        #expect(TerminalCheck.problem(stdinIsTTY: true, stdoutIsTTY: true, term: "linux") == nil)
    }

    @Test(arguments: [(false, true), (true, false), (false, false)])
    func pipesPointToReplAndTrace(stdin: Bool, stdout: Bool) throws {
        let message = try #require(TerminalCheck.problem(stdinIsTTY: stdin, stdoutIsTTY: stdout, term: "xterm"))
        #expect(!message.hasPrefix("error: "), "the CLI adds the prefix")
        #expect(message.contains("gruscope repl"))
        #expect(message.contains("gruscope trace"))
        #expect(!message.contains("\n"))
    }

    @Test func eachMissingSideIsNamed() {
        #expect(TerminalCheck.problem(stdinIsTTY: false, stdoutIsTTY: true, term: "xterm")?.contains("standard input is not") == true)
        #expect(TerminalCheck.problem(stdinIsTTY: true, stdoutIsTTY: false, term: "xterm")?.contains("standard output is not") == true)
        #expect(TerminalCheck.problem(stdinIsTTY: false, stdoutIsTTY: false, term: "xterm")?.contains("standard input and output") == true)
    }

    @Test(arguments: [nil, "", "dumb"] as [String?])
    func unusableTermIsExplained(term: String?) throws {
        let message = try #require(TerminalCheck.problem(stdinIsTTY: true, stdoutIsTTY: true, term: term))
        #expect(!message.hasPrefix("error: "), "the CLI adds the prefix")
        #expect(message.contains("TERM"))
        #expect(message.contains("xterm-256color"))
        #expect(message.contains("gruscope repl"))
        #expect(!message.contains("\n"))
    }

    @Test func terminalErrorsAreOneLineForTheUser() {
        #expect(TerminalError.unknownTerminal("foo").message == "the terminal type 'foo' is unknown to ncurses; try TERM=xterm-256color")
        #expect(TerminalError.unknownTerminal("foo").description == TerminalError.unknownTerminal("foo").message)
        for error in [TerminalError.terminalTypeUnset, .cannotAddressCursor("dumb"), .cannotReadTerminalModes] {
            #expect(!error.message.hasPrefix("error: "))
            #expect(!error.message.contains("\n"))
        }
        #expect(TerminalError.cannotAddressCursor("dumb").message.contains("'dumb'"))
    }
}
