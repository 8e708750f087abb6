import Testing
@testable import Localization

@Suite struct LanguageTests {
    @Test(arguments: [
        ([String: String](), Language.en),
        (["LANG": "zh_CN.UTF-8"], .zh),
        (["LANG": "en_US.UTF-8"], .en),
        (["LANG": "zh_TW.UTF-8", "LC_MESSAGES": "en_GB"], .en),
        (["LANG": "en_US", "LC_MESSAGES": "zh_CN"], .zh),
        (["LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB", "LANG": "en_US"], .zh),
        (["LC_ALL": "C", "LANG": "zh_CN"], .en),
        (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh"], .zh),
        (["LANG": "de_DE.UTF-8"], .en),
        (["LANG": "ZH_cn"], .zh),
    ])
    func detectionReadsLCAllThenLCMessagesThenLang(environment: [String: String], expected: Language) {
        #expect(Language.detect(environment: environment) == expected)
    }

    @Test func codesUsersType() {
        #expect(Language(code: "en") == .en)
        #expect(Language(code: "ZH") == .zh)
        #expect(Language(code: "zh_CN.UTF-8") == .zh)
        #expect(Language(code: "en-GB") == .en)
        #expect(Language(code: "fr") == nil)
        #expect(Language(code: "") == nil)
        #expect(Language(code: "zhx") == nil)
    }
}
