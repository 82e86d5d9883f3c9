import CursesTerminal
import Testing

@Suite struct CursesLibraryTests {
    @Test func linksTheWideNcursesLibrary() {
        #expect(CursesLibrary.version.hasPrefix("ncurses 6"))
        #expect(CursesLibrary.hasWideCharacterSupport)
    }
}
