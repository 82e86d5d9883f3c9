import APICore
import ConsoleModel
import Foundation
import TUIKit

extension ConsoleRuntime {
    /// `:audit [since DATE]`, `:billing`, `:subs`, `:orgs`: opens the read-only view.
    func openRecords(_ name: String, argument: String?) {
        let records = session.records
        let opened: Bool
        switch name {
        case "audit":
            guard let filter = Self.auditFilter(argument) else {
                state.flash = Notice(
                    .warning, "Usage: :audit [since DATE] [before DATE] [actor TEXT] [action TEXT] [resource TEXT]")
                return
            }
            opened = records.showAudit(in: session.scope, filter: filter)
        case "billing": opened = records.showBilling()
        case "subs": opened = records.showSubscriptions(in: session.scope)
        case "orgs": opened = records.showOrganizations()
        case "identities": opened = records.showIdentities(in: session.scope)
        case "roles": opened = records.showRoles(in: session.scope)
        case "journal":
            opened = records.showJournal()
            if !opened { state.flash = Notice(.info, "No journal is kept in this session") }
        default: opened = false
        }
        if opened { state.overlay = .records(RecordViewState()) }
    }

    /// The filter `since DATE before DATE actor TEXT action TEXT resource TEXT` names (any order, each optional; a
    /// bare date is `since`); nil when a word or a date is not understood.
    static func auditFilter(_ argument: String?) -> AuditFilter? {
        var words = (argument ?? "").split(separator: " ").map(String.init)[...]
        var filter = AuditFilter()
        if words.count == 1, Timestamp.parse(words[words.startIndex]) != nil {
            filter.since = words.first
            return filter
        }
        while let keyword = words.popFirst() {
            guard let value = words.popFirst() else { return nil }
            switch keyword.lowercased() {
            case "since", "before":
                guard Timestamp.parse(value) != nil else { return nil }
                if keyword.lowercased() == "since" { filter.since = value } else { filter.before = value }
            case "actor": filter.actor = value
            case "action": filter.action = value
            case "resource": filter.resource = value
            default: return nil
            }
        }
        return filter
    }

    func handleRecordsKey(_ key: Key, view: RecordViewState) {
        var view = view
        let list = session.records.list
        if view.editingFilter {
            switch key {
            case .escape:
                list.setFilter("")
                view.editingFilter = false
            case .enter, .down, .up: view.editingFilter = false
            case .backspace: list.setFilter(String(list.filterText.dropLast()))
            case .character(let character): list.setFilter(list.filterText + String(character))
            default: break
            }
            state.overlay = .records(keepInView(view))
            return
        }
        let page = recordsPageSize
        switch key {
        case .enter where list.selectedIndex != nil:
            view.showingEntry.toggle()
            // A row's details are the server's current copy where the API reads one item.
            if view.showingEntry, let row = list.snapshot.selectedRow { session.records.refreshEntry(id: row.id) }
        case .escape where view.showingEntry: view.showingEntry = false
        case .escape, .character("q"):
            if !list.filterText.isEmpty {
                list.setFilter("")
            } else {
                session.records.close()
                state.overlay = nil
                return
            }
        case .character("/"): view.editingFilter = true
        case .down, .character("j"): list.moveSelection(by: 1)
        case .up, .character("k"): list.moveSelection(by: -1)
        case .character("g"): list.select(index: 0)
        case .character("G"):
            list.loadAll()
            list.select(index: list.rowCount - 1)
        case .pageDown, .control("d"): list.moveSelection(by: page)
        case .pageUp, .control("u"): list.moveSelection(by: -page)
        case .character("r"): refreshRecords()
        case .character("s"): list.sortByNextColumn()
        case .character("S"): list.reverseSort()
        case .character("e") where session.records.kind == .user: return openProfileForm()
        case .character("e")
        where session.records.kind == .account && session.capabilities.contains(.editAccountProfiles):
            if let account = session.records.accountView?.account { return openAccountProfileForm(account) }
        case .character("m") where session.records.kind == .account && session.capabilities.contains(.moveAccounts):
            if let account = session.records.accountView?.account { return openAccountMovePicker(account) }
        case .character("D") where session.records.kind == .organizations: return confirmLeaveOrganization()
        case .character("n") where session.records.kind == .subscriptions: return openSubscriptionForm(editing: nil)
        case .character("e") where session.records.kind == .subscriptions:
            if let row = list.snapshot.selectedRow { return openSubscriptionForm(editing: row) }
        case .character("D") where session.records.kind == .subscriptions: return confirmCancelSubscription()
        default: break
        }
        state.overlay = .records(keepInView(view))
    }

    private func refreshRecords() {
        let records = session.records
        switch records.kind {
        case .user: records.showUser()
        case .billing: records.showBilling()
        case .account: if let account = records.accountView?.account { records.showAccount(account) }
        default: records.list.refresh()
        }
    }

    /// Rows of the view's table that fit (the body less the title, hint and table header lines).
    var recordsPageSize: Int { max(1, state.size.height - 4 - 3 - (session.records.summary.isEmpty ? 0 : 7)) }

    /// Keeps the selection in view; the runtime is the only writer of offsets.
    func keepInView(_ view: RecordViewState) -> RecordViewState {
        var view = view
        let list = session.records.list
        list.viewportHeight = recordsPageSize
        let selected = list.selectedIndex ?? 0
        if selected < view.offset { view.offset = selected }
        if selected >= view.offset + recordsPageSize { view.offset = selected - recordsPageSize + 1 }
        view.offset = max(0, min(view.offset, max(0, list.rowCount - recordsPageSize)))
        return view
    }

    private func confirmLeaveOrganization() {
        guard let row = session.records.snapshot.selectedRow else { return }
        let name = row.cells.first ?? row.id
        let shown = TextSanitizer.sanitize(name).text
        confirm(
            ConfirmDialog(
                title: "Leave organization",
                lines: [
                    "Leave the organization \(shown).",
                    "You lose access to it at once; only a new invitation brings you back.",
                ],
                confirmLabel: "Leave",
                write: ConfirmedWrite("organizations.leave", target: row.id) {
                    $0.session.records.leaveOrganization(id: row.id)
                    $0.state.overlay = .records(RecordViewState())
                }, typedNameRequired: name, isDangerous: true,
                openedAt: now))
    }

    private func openProfileForm() {
        guard let user = session.records.user else {
            state.flash = Notice(.info, "The profile is still loading")
            return
        }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: editing your profile refused, nothing was sent")
            return
        }
        state.overlay = .profileForm(ProfileForm(fields: user.editable))
    }

    func handleProfileFormKey(_ key: Key, form: ProfileForm) {
        var form = form
        switch key {
        case .escape:
            state.overlay = .records(RecordViewState())
            return
        case .down, .tab: form.cursor = min(form.cursor + 1, form.fields.count - 1)
        case .up, .backTab: form.cursor = max(form.cursor - 1, 0)
        case .backspace:
            if let field = form.current { form.values[field.id] = String((form.values[field.id] ?? "").dropLast()) }
        case .character(let character):
            if let field = form.current { form.values[field.id, default: ""].append(character) }
        case .enter:
            let changes = form.changes
            guard !changes.isEmpty else {
                state.flash = Notice(.info, "No change: the profile is as it was")
                state.overlay = .records(RecordViewState())
                return
            }
            let lines = form.fields.compactMap { field -> String? in
                guard let change = changes[field.id] else { return nil }
                let before = field.value.map { "'\(TextSanitizer.sanitize($0).text)'" } ?? "empty"
                switch change {
                case .set(let value): return "\(field.label): \(before) → '\(TextSanitizer.sanitize(value).text)'"
                case .clear: return "\(field.label): \(before) → cleared"
                }
            }
            if case .account(let account) = form.target {
                return confirmAccountProfile(form, account: account, lines: lines)
            }
            if case .subscription(let id) = form.target {
                return confirmSubscription(id: id, changes: changes, lines: lines)
            }
            return confirm(
                ConfirmDialog(
                    title: "Save your profile", lines: ["Change your profile:"] + lines, confirmLabel: "Save",
                    write: ConfirmedWrite("user.edit", target: "") {
                        $0.session.records.editUser(changes)
                        $0.state.overlay = .records(RecordViewState())
                    }, openedAt: now))
        default: break
        }
        state.overlay = .profileForm(form)
    }
}
