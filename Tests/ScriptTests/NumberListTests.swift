import Testing
@testable import Script

@Suite struct NumberListTests {
    @Test func acceptsCommasSpacesAndBrackets() throws {
        #expect(try NumberList.parse("1 2 3", what: "x") == [1, 2, 3])
        #expect(try NumberList.parse("1,2,3", what: "x") == [1, 2, 3])
        #expect(try NumberList.parse(" 1, -2.5e-1 ,3 ", what: "x") == [1, -0.25, 3])
        #expect(try NumberList.parse("[1, 2]", what: "x") == [1, 2])
        #expect(try NumberList.parse("", what: "x") == [])
    }

    @Test(arguments: [
        ("1 abc 3", "x[1] = 'abc' is not a number"),
        ("1 nan", "x[1] = nan is not a finite number"),
        ("inf", "x[0] = inf is not a finite number"),
        ("-Infinity 2", "x[0] = -Infinity is not a finite number"),
        ("1e31", "x[0] = 1e31 is out of range"),
        ("1e40", "x[0] = 1e40 is out of range"),
        ("1,,2", "x has an empty entry between commas"),
        ("0x10", "x[0] = '0x10' is not a number"),
    ])
    func refusesWhatIsNotAFiniteNumber(_ input: String, _ message: String) {
        #expect {
            try NumberList.parse(input, what: "x")
        } throws: { error in
            (error as? ScriptError)?.message.hasPrefix(message) == true
        }
    }

    @Test func acceptsTheLimitItself() throws {
        #expect(try NumberList.parse("1e30 -1e30", what: "x") == [1e30, -1e30])
    }

    @Test func countsAreChecked() {
        #expect(throws: ScriptError("x needs 4 numbers, got 3")) {
            try NumberList.expectCount([1, 2, 3], 4, what: "x")
        }
    }
}

@Suite struct InputsFileTests {
    @Test func readsVectorsSkippingCommentsAndBlanks() throws {
        let text = "# a sequence\n1, 2\n\n3 4   # second\n  \n"
        #expect(try InputsFile.parse(text, name: "seq.txt", inputSize: 2) == [[1, 2], [3, 4]])
    }

    @Test func namesFileAndLine() {
        #expect(throws: ScriptError("seq.txt line 3 has 3 numbers, expected 2 (one input vector per line)")) {
            try InputsFile.parse("1 2\n# c\n1 2 3\n", name: "seq.txt", inputSize: 2)
        }
        #expect {
            try InputsFile.parse("1 2\nNaN 1\n", name: "seq.txt", inputSize: 2)
        } throws: { ($0 as? ScriptError)?.message.hasPrefix("seq.txt line 2: x[0] = NaN is not a finite number") == true }
        #expect {
            try InputsFile.parse("# nothing\n", name: "seq.txt", inputSize: 2)
        } throws: { ($0 as? ScriptError)?.message.contains("holds no input vectors") == true }
    }

    @Test func missingFileIsAClearError() {
        #expect {
            try InputsFile.read(path: "/nonexistent/seq.txt", inputSize: 2)
        } throws: { ($0 as? ScriptError)?.message.contains("/nonexistent/seq.txt") == true }
    }
}
