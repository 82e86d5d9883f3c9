import APICore
import ConsoleModel
import TUIKit

extension ActionCatalogue {
    /// Keys that work on every pane: panes, movement, filter, palette, help, refresh, sort, Esc and quit.
    static let general: [ConsoleAction] = [
        ConsoleAction("pane.accounts", title: "Accounts pane", help: "Accounts pane", keys: [.character("1")]) {
            runtime, _ in runtime.show(.accounts)
        },
        ConsoleAction("pane.members", title: "Members pane", help: "Members pane", keys: [.character("2")]) {
            runtime, _ in runtime.show(.members)
        },
        ConsoleAction("pane.tokens", title: "Tokens pane", help: "Tokens pane", keys: [.character("3")]) {
            runtime, _ in runtime.show(.tokens)
        },
        ConsoleAction(
            "pane.invitations", title: "Invitations pane", help: "Invitations pane", keys: [.character("4")]
        ) { runtime, _ in runtime.show(.invitations) },
        ConsoleAction("pane.next", title: "Next pane", help: "next pane", keys: [.tab]) { runtime, _ in
            runtime.show(PaneID(rawValue: runtime.state.pane.rawValue % 4 + 1) ?? .accounts)
        },
        ConsoleAction("pane.previous", title: "Previous pane", help: "previous pane", keys: [.backTab]) {
            runtime, _ in runtime.show(PaneID(rawValue: (runtime.state.pane.rawValue + 2) % 4 + 1) ?? .accounts)
        },
        ConsoleAction("cursor.down", title: "Move down", help: "move down", keys: [.character("j"), .down]) {
            runtime, _ in runtime.currentList.moveSelection(by: 1)
        },
        ConsoleAction("cursor.up", title: "Move up", help: "move up", keys: [.character("k"), .up]) { runtime, _ in
            runtime.currentList.moveSelection(by: -1)
        },
        ConsoleAction("cursor.top", title: "First row", help: "first row", keys: [.character("g"), .home]) {
            runtime, _ in runtime.currentList.select(index: 0)
        },
        ConsoleAction(
            "cursor.bottom", title: "Last row", help: "last row (loads more pages as it goes)",
            keys: [.character("G"), .end]
        ) { runtime, _ in runtime.currentList.select(index: runtime.currentList.rowCount - 1) },
        ConsoleAction("cursor.pageDown", title: "Page down", help: "page down", keys: [.pageDown]) { runtime, _ in
            runtime.currentList.moveSelection(by: runtime.pageSize)
        },
        ConsoleAction("cursor.pageUp", title: "Page up", help: "page up", keys: [.pageUp]) { runtime, _ in
            runtime.currentList.moveSelection(by: -runtime.pageSize)
        },
        ConsoleAction(
            "cursor.halfPageDown", title: "Half page down", help: "half page down", keys: [.control("d")]
        ) { runtime, _ in runtime.currentList.moveSelection(by: max(1, runtime.pageSize / 2)) },
        ConsoleAction("cursor.halfPageUp", title: "Half page up", help: "half page up", keys: [.control("u")]) {
            runtime, _ in runtime.currentList.moveSelection(by: -max(1, runtime.pageSize / 2))
        },
        ConsoleAction(
            "row.details", title: "Row details", help: "details", keys: [.enter], panes: [.members, .invitations]
        ) { runtime, _ in runtime.toggleDetails() },
        ConsoleAction(
            "list.filter", title: "Filter rows", help: "filter rows (Esc clears)", keys: [.character("/")],
            hint: ConsoleAction.Hint(101, "filter")
        ) { runtime, _ in runtime.state.editingFilter = true },
        ConsoleAction(
            "palette.open", title: "Command palette", help: "command palette", keys: [.character(":")],
            hint: ConsoleAction.Hint(102, "palette")
        ) { runtime, _ in runtime.state.overlay = .palette(text: "", selected: 0) },
        ConsoleAction(
            "help.open", title: "Help: every key of this pane", help: "this help", keys: [.character("?")],
            hint: ConsoleAction.Hint(100, "help"), command: ConsoleAction.PaletteCommand("help")
        ) { runtime, _ in runtime.openHelp() },
        ConsoleAction(
            "list.refresh", title: "Refresh the pane", help: "refresh (bypasses the cache)", keys: [.character("r")],
            hint: ConsoleAction.Hint(103, "refresh"), command: ConsoleAction.PaletteCommand("refresh")
        ) { runtime, _ in runtime.currentList.refresh() },
        ConsoleAction(
            "list.loadAll", title: "Load every page", help: "load every page", keys: [.character("L")],
            hint: ConsoleAction.Hint(0) { $0.pane == .members && !$0.membersUnsupported ? "load all" : nil },
            command: ConsoleAction.PaletteCommand("loadall")
        ) { runtime, _ in runtime.currentList.loadAll() },
        ConsoleAction(
            "list.sort", title: "Sort by the next column", help: "sort by the next column", keys: [.character("s")],
            hint: ConsoleAction.Hint(104, "sort")
        ) { runtime, _ in runtime.currentList.sortByNextColumn() },
        ConsoleAction("list.sortReverse", title: "Reverse the sort", help: "reverse the sort", keys: [.character("S")])
        { runtime, _ in runtime.currentList.reverseSort() },
        ConsoleAction(
            "row.copyID", title: "Copy the selected id", help: "copy the selected id (OSC 52, when enabled)",
            keys: [.character("y")]
        ) { runtime, _ in
            if let id = runtime.currentList.selectedID { runtime.copyToClipboard(id, what: "the id") }
        },
        ConsoleAction(
            "view.details", title: "Toggle the detail panel", help: "detail panel", keys: [.character("d")],
            command: ConsoleAction.PaletteCommand("details")
        ) { runtime, _ in runtime.toggleDetails() },
        ConsoleAction(
            "back", title: "Back", help: "close / clear the filter / step back out", keys: [.escape],
            hint: ConsoleAction.Hint(105) { $0.isTop ? nil : "back" }
        ) { runtime, _ in runtime.back() },
        ConsoleAction(
            "quit", title: "Quit orgtui", help: "quit", keys: [.character("q"), .control("c")],
            hint: ConsoleAction.Hint(106, "quit"),
            command: ConsoleAction.PaletteCommand("quit")
        ) { runtime, _ in runtime.quit() },
    ]
}
