import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// The JSON side: strict JSON with line numbers in every message.
@Suite struct JSONFormatTests {
    /// A small PyTorch GRU (I=1, H=1) with `edit` applied to its text.
    static func tinyGRU(_ edit: (String) -> String = { $0 }) -> String {
        edit("""
        {
          "variant": "pytorch",
          "weight_ih": [[0.5], [0.25], [-0.5]],
          "weight_hh": [[0.1], [0.2], [0.3]],
          "bias_ih": [0, 0, 0],
          "bias_hh": [0.1, 0.1, 0.1]
        }
        """)
    }

    static func message(_ text: String, name: String = "w.json") throws -> (path: String, message: String) {
        let directory = try TemporaryDirectory()
        let path = try directory.write(name, text)
        return (path, Fixtures.failure(path))
    }

    @Test func tinyGRULoads() throws {
        let directory = try TemporaryDirectory()
        let loaded = try WeightFile.load(path: try directory.write("w.json", Self.tinyGRU()))
        #expect(loaded.weights.inputWeights == [0.5, 0.25, -0.5])
        #expect(loaded.weights.recurrentBias == [0.1, 0.1, 0.1])
    }

    @Test func pythonNaNIsRefusedWithLineArrayAndIndex() {
        let path = Fixtures.weights("nan.json")
        #expect(Fixtures.failure(path) == "\(path) line 185: array 'weight_hh' at [3][4] holds NaN, which is not a "
            + "finite number; the weights must be finite (Python's json module writes NaN for a non-finite float)")
    }

    @Test func pythonInfinityIsRefusedWithLineArrayAndIndex() {
        let path = Fixtures.weights("infinity.json")
        #expect(Fixtures.failure(path).hasPrefix("\(path) line 397: array 'bias_ih' at [5] holds -Infinity"))
    }

    @Test func positiveInfinityTooBigAndOverflowingNumbers() throws {
        let inf = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[0.1], [0.2]", with: "[0.1], [Infinity]") })
        #expect(inf.message.hasPrefix("\(inf.path) line 4: array 'weight_hh' at [1][0] holds Infinity"))
        let big = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[0, 0, 0]", with: "[0, 1e39, 0]") })
        #expect(big.message == "\(big.path) line 5: array 'bias_ih' at [1] holds 1e39, too large for float32; "
            + "the weights must be finite float32 numbers")
        let huge = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[0, 0, 0]", with: "[0, 0, -1e999]") })
        #expect(huge.message.hasPrefix("\(huge.path) line 5: array 'bias_ih' at [2] holds -1e999, too large"))
    }

    @Test func missingCommaNamesTheLine() throws {
        let result = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[-0.5]],", with: "[-0.5]]") })
        #expect(result.message == "\(result.path) line 4: expected ',' or '}' after the value of 'weight_ih' but found '\"'")
    }

    @Test func missingCommaInsideAnArray() throws {
        let result = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[0.1, 0.1, 0.1]", with: "[0.1, 0.1 0.1]") })
        #expect(result.message
            == "\(result.path) line 6: expected ',' or ']' after element [1] of array 'bias_hh' but found '0'")
    }

    @Test func fileEndingInsideAnArray() throws {
        let result = try Self.message("{\n\"weight_ih\": [[0.5],\n [0.25]")
        #expect(result.message == "\(result.path) line 3: the file ends inside array 'weight_ih', opened on line 2")
    }

    @Test func trailingCommaSingleQuotesAndPythonWords() throws {
        let trailing = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[0, 0, 0]", with: "[0, 0, 0,]") })
        #expect(trailing.message
            == "\(trailing.path) line 5: a comma before ']' in array 'bias_ih'; JSON allows no trailing comma")
        let quotes = try Self.message("{'variant': 'keras'}")
        #expect(quotes.message
            == "\(quotes.path) line 1: expected a key in double quotes but found ''' (JSON keys need double quotes)")
        let python = try Self.message("{\"reset_after\": True}")
        #expect(python.message == "\(python.path) line 1: unexpected 'True' where a value for key 'reset_after' "
            + "should be (JSON spells it true)")
    }

    @Test func emptyFileTopLevelArrayAndJunkAfterTheEnd() throws {
        let empty = try Self.message("  \n")
        #expect(empty.message == "\(empty.path): the file is empty; expected a JSON object of weight arrays")
        let array = try Self.message("[[1, 2]]")
        #expect(array.message.hasPrefix("\(array.path) line 1: the file holds an array of numbers, not a JSON object"))
        let junk = try Self.message(Self.tinyGRU() + "\n}")
        #expect(junk.message == "\(junk.path) line 8: unexpected '}' after the end of the JSON document")
    }

    @Test func duplicateKeysAreRefused() throws {
        let result = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "\"bias_ih\"", with: "\"weight_ih\"") })
        #expect(result.message == "\(result.path) line 5: the key 'weight_ih' appears twice (first on line 3); keep one")
    }

    @Test func raggedArraysAndNonNumbersAreNamed() throws {
        let ragged = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[[0.1], [0.2], [0.3]]", with: "[[0.1], [0.2, 0.5], [0.3]]") })
        #expect(ragged.message == "\(ragged.path) line 4: array 'weight_hh' is ragged: [1] has 2 values where [0] has "
            + "1 values; every row must be the same length")
        let text = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[0, 0, 0]", with: "[0, \"0\", 0]") })
        #expect(text.message
            == "\(text.path) line 5: array 'bias_ih' holds a string at [1]; expected only numbers")
    }

    @Test func wrongShapeCarriesTheLine() throws {
        let result = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "[0.1, 0.1, 0.1]", with: "[0.1, 0.1]") })
        #expect(result.message
            == "\(result.path) line 6: array 'bias_hh' has shape 2, expected 3 (3H with H=1 from 'weight_ih')")
    }

    @Test func missingKeyIsNamed() throws {
        let golden = try String(contentsOfFile: Fixtures.golden("tf-seed-code.weights.json"), encoding: .utf8)
        let start = try #require(golden.range(of: ", \"candidate/bias\""))
        let result = try Self.message(String(golden[..<start.lowerBound]) + "}")
        #expect(result.message == "\(result.path): array 'candidate/bias' is missing: a TensorFlow GRUCell needs "
            + "gates/kernel, gates/bias, candidate/kernel and candidate/bias; found 'gates/kernel', 'gates/bias', "
            + "'candidate/kernel'")
    }

    @Test func unknownVariantListsTheSpellings() throws {
        let result = try Self.message(Self.tinyGRU { $0.replacingOccurrences(of: "\"pytorch\"", with: "\"torch\"") })
        #expect(result.message
            == "\(result.path) line 2: \"variant\" is 'torch'; expected one of tf-grucell, keras, pytorch")
    }

    @Test func kerasResetAfterMustAgreeWithTheBias() throws {
        let golden = try String(contentsOfFile: Fixtures.golden("keras-reset-before.weights.json"), encoding: .utf8)
        let stated = golden.replacingOccurrences(of: "{\"variant\": \"keras\",", with: "{\"variant\": \"keras\", \"reset_after\": true,")
        let result = try Self.message(stated)
        #expect(result.message.hasPrefix(
            "\(result.path) line 1: array 'bias' has shape 18, expected 2×18 (2×3H as \"reset_after\": true says, with H=6 from 'kernel')"))
        let word = try Self.message(golden.replacingOccurrences(of: "{\"variant\": \"keras\",", with: "{\"variant\": \"keras\", \"reset_after\": \"yes\","))
        #expect(word.message == "\(word.path) line 1: \"reset_after\" is 'yes'; expected true or false")
        let directory = try TemporaryDirectory()
        let agreeing = try directory.write("ok.json", golden.replacingOccurrences(
            of: "{\"variant\": \"keras\",", with: "{\"variant\": \"keras\", \"reset_after\": false,"))
        #expect(try WeightFile.load(path: agreeing).weights == (try Fixtures.goldenWeights("keras-reset-before")))
    }

    @Test func kerasKernelWidthMustBeThreeBlocks() throws {
        let result = try Self.message(#"{"kernel": [[1, 2]], "recurrent_kernel": [[1, 2]], "bias": [0, 0]}"#)
        #expect(result.message == "\(result.path) line 1: array 'kernel' has shape 1×2, expected I×3H: one row per "
            + "input and the three gates' columns side by side")
    }

    @Test func nestedObjectsAreNamePaths() throws {
        let golden = try String(contentsOfFile: Fixtures.golden("tf-seed-code.weights.json"), encoding: .utf8)
        var nested = golden.replacingOccurrences(of: "\"gates/kernel\":", with: "\"gates\": {\"kernel\":")
        nested = nested.replacingOccurrences(of: ", \"gates/bias\":", with: ", \"bias\":")
        nested = nested.replacingOccurrences(of: ", \"candidate/kernel\":", with: "}, \"candidate/kernel\":")
        let directory = try TemporaryDirectory()
        let loaded = try WeightFile.load(path: try directory.write("nested.json", nested))
        #expect(loaded.weights == (try Fixtures.goldenWeights("tf-seed-code")))
        #expect(loaded.arrayNames.first == "gates/kernel")
    }

    @Test func escapesAndByteOrderMark() throws {
        let text = "\u{FEFF}" + Self.tinyGRU { $0.replacingOccurrences(of: "\"weight_ih\"", with: "\"weight\\u005fih\"") }
        let directory = try TemporaryDirectory()
        let loaded = try WeightFile.load(path: try directory.write("escaped.json", text))
        #expect(loaded.arrayNames.first == "weight_ih")
    }

    @Test func deepNestingIsRefusedNotOverflowed() throws {
        let result = try Self.message("{\"a\": " + String(repeating: "[", count: 100_000))
        #expect(result.message == "\(result.path) line 1: values are nested more than 64 levels deep")
    }

    @Test func controlCharactersInNamesStayOnOneLine() throws {
        let result = try Self.message(#"{"fc\u000aweight": [1]}"#)
        #expect(!result.message.contains("\n"))
        #expect(result.message.contains("'fc\\u{a}weight'"))
    }
}
