import TUIKit
import Testing

@Suite struct WidgetTests {
    func render(width: Int, height: Int, _ draw: (inout Buffer, Rect) -> Void) -> [String] {
        var buffer = Buffer(size: Size(width: width, height: height))
        draw(&buffer, Rect(x: 0, y: 0, width: width, height: height))
        return buffer.lines()
    }

    // MARK: Tabs

    @Test func tabsWithCountsAndABadge() {
        let tabs = TabsWidget(
            titles: ["1 Accounts 9", "2 Members 2,500", "3 Invitations 3"], active: 1, badges: [2: "2 pending"])
        var buffer = Buffer(size: Size(width: 64, height: 1))
        tabs.render(into: &buffer, area: Rect(x: 0, y: 0, width: 64, height: 1), theme: .defaultDark)
        #expect(buffer.lines() == [" 1 Accounts 9 │ 2 Members 2,500 │ 3 Invitations 3  2 pending    "])
        #expect(buffer[63, 0].style == Theme.defaultDark[.tabInactive])
        #expect(buffer[3, 0].style == Theme.defaultDark[.tabInactive])
        #expect(buffer[18, 0].style == Theme.defaultDark[.tabActive])
        #expect(buffer[14, 0].style == Theme.defaultDark[.border])
        #expect(buffer[52, 0].style == Theme.defaultDark[.badge])
    }

    @Test func narrowTabsCutTheLongestTitlesFirst() {
        let tabs = TabsWidget(titles: ["1 Accounts", "2 Members", "3 Tokens"], active: 0, badges: [:])
        let lines = render(width: 30, height: 1) { tabs.render(into: &$0, area: $1, theme: .monochrome) }
        #expect(lines == [" 1 Accou… │ 2 Memb… │ 3 Toke… "])
    }

    // MARK: Status bar

    @Test(arguments: [
        ("loading page 12/200", "q quit", 30, "loading page 12/200     q quit"),
        ("a very long status message that does not fit", "q quit", 30, "a very long status mes… q quit"),
        ("left only", "", 12, "left only   "),
    ])
    func statusBar(_ left: String, _ right: String, _ width: Int, _ expected: String) {
        let lines = render(width: width, height: 1) {
            StatusBar(left: left, right: right, style: .statusWarn).render(into: &$0, area: $1, theme: .defaultDark)
        }
        #expect(lines == [expected])
    }

    // MARK: Modal

    @Test func modalIsCentredFramedAndClearsBeneath() {
        var buffer = Buffer(size: Size(width: 30, height: 9))
        for y in 0..<9 { buffer.write(String(repeating: "x", count: 30), x: 0, y: y, style: .plain) }
        let modal = ModalWidget(
            title: "Hi", lines: [("Hello", .textPrimary)], buttons: ["OK"], selectedButton: 0, width: 20)
        modal.render(into: &buffer, area: Rect(x: 0, y: 0, width: 30, height: 9), theme: .monochrome)
        #expect(
            buffer.lines() == [
                String(repeating: "x", count: 30),
                String(repeating: "x", count: 30),
                "xxxxx╭─ Hi ─────────────╮xxxxx",
                "xxxxx│ Hello            │xxxxx",
                "xxxxx│                  │xxxxx",
                "xxxxx│      [ OK ]      │xxxxx",
                "xxxxx╰──────────────────╯xxxxx",
                String(repeating: "x", count: 30),
                String(repeating: "x", count: 30),
            ])
        #expect(buffer[12, 5].style == Theme.monochrome[.selection])
        #expect(buffer[5, 2].style == Theme.monochrome[.modalBorder])
        #expect(modal.frame(in: Rect(x: 0, y: 0, width: 30, height: 9)) == Rect(x: 5, y: 2, width: 20, height: 5))
    }

    @Test func modalWrapsLongLines() {
        let modal = ModalWidget(
            title: "Roll token",
            lines: [("Roll token 'ci-deploy' (account Acme): the current secret stops working", .danger)],
            buttons: ["Cancel", "Roll"], selectedButton: 0, width: 24)
        let lines = render(width: 24, height: 10) { modal.render(into: &$0, area: $1, theme: .monochrome) }
        #expect(
            lines == [
                "                        ",
                "╭─ Roll token ─────────╮",
                "│ Roll token           │",
                "│ 'ci-deploy' (account │",
                "│ Acme): the current   │",
                "│ secret stops working │",
                "│                      │",
                "│ [ Cancel ]  [ Roll ] │",
                "╰──────────────────────╯",
                "                        ",
            ])
    }

    @Test func modalTooTallForItsAreaEndsWithAnEllipsis() {
        let modal = ModalWidget(
            title: "Keys", lines: (1...10).map { ("line \($0)", .textPrimary) }, buttons: [], selectedButton: nil,
            width: 14)
        let lines = render(width: 14, height: 5) { modal.render(into: &$0, area: $1, theme: .monochrome) }
        #expect(
            lines == [
                "╭─ Keys ─────╮",
                "│ line 1     │",
                "│ line 2     │",
                "│ …          │",
                "╰────────────╯",
            ])
    }

    @Test func modalWithoutWidthFitsItsContent() {
        let modal = ModalWidget(
            title: "T", lines: [("short", .textPrimary)], buttons: [], selectedButton: nil, width: nil)
        let frame = modal.frame(in: Rect(x: 0, y: 0, width: 80, height: 24))
        #expect(frame == Rect(x: 28, y: 10, width: 24, height: 3))
    }

    // MARK: Menu

    @Test func menuMarksTheSelectionAndMutesDisabledItems() {
        let menu = MenuWidget(
            title: "Token",
            items: [
                (label: "Roll", hint: "r", enabled: true), (label: "Disable", hint: nil, enabled: true),
                (label: "Delete…", hint: nil, enabled: false),
            ],
            selected: 1)
        var buffer = Buffer(size: Size(width: 24, height: 5))
        menu.render(into: &buffer, area: Rect(x: 0, y: 0, width: 24, height: 5), theme: .monochrome)
        #expect(
            buffer.lines() == [
                "  ╭─ Token ──────────╮  ",
                "  │  Roll          r │  ",
                "  │▶ Disable         │  ",
                "  │  Delete…         │  ",
                "  ╰──────────────────╯  ",
            ])
        #expect(buffer[5, 2].style == Theme.monochrome[.selection])
        #expect(buffer[5, 3].style == Theme.monochrome[.textMuted])
    }

    // MARK: Text field

    @Test(arguments: [
        ("acme", 4, "/acme█     "),
        ("acme", 0, "/█cme      "),
        ("a long filter text", 18, "/…er text█"),
    ])
    func textField(_ text: String, _ cursor: Int, _ expected: String) {
        var buffer = Buffer(size: Size(width: DisplayWidth.of(expected), height: 1))
        TextFieldWidget(prompt: "/", text: text, cursor: cursor)
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: buffer.size.width, height: 1), theme: .monochrome)
        // Show the reversed cursor cell as █ to compare.
        let shown = (0..<buffer.size.width).map { x -> String in
            let cell = buffer[x, 0]
            return cell.style.reverse ? "█" : cell.text
        }.joined()
        #expect(shown == expected)
    }

    @Test func widgetsSurviveTinyAreas() {
        let theme = Theme.defaultDark
        for width in 0...6 {
            for height in 0...4 {
                var buffer = Buffer(size: Size(width: width, height: height))
                let area = Rect(x: 0, y: 0, width: width, height: height)
                TabsWidget(titles: ["1 Accounts", "2 Members"], active: 1, badges: [0: "9"])
                    .render(into: &buffer, area: area, theme: theme)
                StatusBar(left: "loading", right: "q quit").render(into: &buffer, area: area, theme: theme)
                ModalWidget(
                    title: "Confirm", lines: [("Roll token?", .danger)], buttons: ["Cancel", "Roll"], selectedButton: 0
                )
                .render(into: &buffer, area: area, theme: theme)
                MenuWidget(title: "Token", items: [(label: "Roll", hint: "r", enabled: true)], selected: 3)
                    .render(into: &buffer, area: area, theme: theme)
                TextFieldWidget(prompt: "/", text: "日本語", cursor: 99).render(into: &buffer, area: area, theme: theme)
                TableWidget(
                    columns: [TableColumn(title: "NAME", minWidth: 4, flex: 1)], rowCount: 3, selected: 2, offset: 9,
                    cell: { row, _ in ("row \(row)", nil) }, flag: { _ in true }
                ).render(into: &buffer, area: area, theme: theme)
                BoxDrawing.draw(area, into: &buffer, style: .plain)
                #expect(buffer.lines().allSatisfy { DisplayWidth.of($0) == width })
            }
        }
    }

    // MARK: Spinner, box drawing, backend

    @Test func spinnerCyclesThroughBrailleFrames() {
        #expect(Spinner.frame(0) == "⠋")
        #expect(Spinner.frame(1) == "⠙")
        #expect(Spinner.frame(Spinner.frames.count) == "⠋")
        #expect(Spinner.frame(-1) == "⠏")
        #expect(Spinner.frames.allSatisfy { DisplayWidth.of($0) == 1 })
    }

    @Test func boxDrawing() {
        let lines = render(width: 5, height: 3) { BoxDrawing.draw($1, into: &$0, style: .plain) }
        #expect(lines == ["┌───┐", "│   │", "└───┘"])
    }

    @MainActor
    final class FakeTerminal: TerminalBackend {
        var size = Size(width: 10, height: 2)
        var frames: [Buffer] = []
        let events: AsyncStream<InputEvent>
        let continuation: AsyncStream<InputEvent>.Continuation

        init() {
            (events, continuation) = AsyncStream.makeStream(of: InputEvent.self)
        }

        func present(_ buffer: Buffer) { frames.append(buffer) }
    }

    @Test @MainActor func backendProtocolDeliversEventsAndFrames() async {
        let terminal = FakeTerminal()
        let backend: any TerminalBackend = terminal
        terminal.continuation.yield(.key(.control("c")))
        terminal.continuation.yield(.resize(Size(width: 80, height: 24)))
        terminal.continuation.yield(.mouse(.wheelDown, x: 1, y: 2))
        terminal.continuation.finish()
        var received: [InputEvent] = []
        for await event in backend.events { received.append(event) }
        #expect(
            received == [.key(.control("c")), .resize(Size(width: 80, height: 24)), .mouse(.wheelDown, x: 1, y: 2)])
        backend.present(Buffer(size: backend.size))
        #expect(terminal.frames.count == 1)
    }
}
