import APICore
import ConsoleModel
import TUIKit

/// The keys of the cross-profile tables: the list keys, `/` filter, Enter, `D` offboard, `r` sweep again, Esc.
extension ConsoleRuntime {
    func handlePeopleKey(_ key: Key, table: LensTable) {
        var table = table
        let people = LensRows.people(state.lens, filter: table.filter)
        if moveLensTable(&table, key: key, rowCount: people.count) {
            state.overlay = .people(table)
            return
        }
        let selected = people.indices.contains(table.selected) ? people[table.selected] : nil
        switch key {
        case .enter:
            guard let selected else { return }
            state.overlay = .person(email: selected.id, table: LensTable(), people: table)
        case .character("D"):
            guard let selected else { return }
            openOffboarding(selected, people: table, person: nil)
        case .character("r"): sweepEveryProfile()
        case .escape, .character("q"): clearFilterOrClose(table, Overlay.people)
        default: break
        }
    }

    func handlePersonKey(_ key: Key, email: String, table: LensTable, people: LensTable) {
        var table = table
        let person = state.lens.people.first { $0.id == email }
        let lines = person.map(LensRows.lines(of:)) ?? []
        if moveLensTable(&table, key: key, rowCount: lines.count, filters: false) {
            state.overlay = .person(email: email, table: table, people: people)
            return
        }
        switch key {
        case .enter:
            if lines.indices.contains(table.selected) { jump(to: lines[table.selected].jump) }
        case .character("D"):
            if let person { openOffboarding(person, people: people, person: table) }
        case .character("r"): sweepEveryProfile()
        case .escape, .character("q"): state.overlay = .people(people)
        default: break
        }
    }

    func handleRisksKey(_ key: Key, table: LensTable) {
        var table = table
        let findings = LensRows.findings(state.lens, filter: table.filter)
        if moveLensTable(&table, key: key, rowCount: findings.count) {
            state.overlay = .risks(table)
            return
        }
        switch key {
        case .enter:
            if findings.indices.contains(table.selected) { jump(to: LensRows.jump(findings[table.selected])) }
        case .character("r"): sweepEveryProfile()
        case .escape, .character("q"): clearFilterOrClose(table, Overlay.risks)
        default: break
        }
    }

    /// Esc on a filtered table clears the filter; on an unfiltered one it closes the view.
    private func clearFilterOrClose(_ table: LensTable, _ overlay: (LensTable) -> Overlay) {
        guard !table.filter.isEmpty else {
            state.overlay = nil
            return
        }
        var cleared = table
        cleared.filter = ""
        state.overlay = overlay(cleared)
    }

    /// Applies a list key (move, page, top/bottom) or a filter key to `table`; false when the key is not one.
    func moveLensTable(_ table: inout LensTable, key: Key, rowCount: Int, filters: Bool = true) -> Bool {
        let page = LensView.visibleRows(for: state.size, filtering: table.editingFilter || !table.filter.isEmpty)
        if table.editingFilter {
            switch key {
            case .escape:
                table.filter = ""
                table.editingFilter = false
            case .enter, .down, .up: table.editingFilter = false
            case .backspace: table.filter = String(table.filter.dropLast())
            case .character(let character): table.filter.append(character)
            default: return true
            }
            table.selected = 0
            table.offset = 0
            return true
        }
        switch key {
        case .down, .character("j"): table.selected += 1
        case .up, .character("k"): table.selected -= 1
        case .character("g"), .home: table.selected = 0
        case .character("G"), .end: table.selected = rowCount - 1
        case .pageDown, .control("d"): table.selected += page
        case .pageUp, .control("u"): table.selected -= page
        case .character("/") where filters: table.editingFilter = true
        default: return false
        }
        table.selected = max(0, min(table.selected, rowCount - 1))
        if table.selected < table.offset { table.offset = table.selected }
        if table.selected >= table.offset + page { table.offset = table.selected - page + 1 }
        return true
    }
}
