import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// `n` / `e` in `:subs`: the subscription form, empty or with the selected row's frequency and rate plan.
    func openSubscriptionForm(editing row: RecordRow?) {
        guard let managing = session.directory.subscriptionManaging else { return }
        let records = session.records
        if row == nil && !managing.canCreateSubscription(in: records.viewScope) {
            state.flash = Notice(.info, "Subscriptions are created in an account: enter one (1, Enter), then :subs")
            return
        }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: changing subscriptions refused, nothing was sent")
            return
        }
        let entry = row.map { LedgerEntry(id: $0.id, cells: $0.cells, fields: $0.fields, date: $0.date) }
        state.overlay = .profileForm(
            ProfileForm(fields: managing.subscriptionFields(entry), target: .subscription(id: row?.id)))
    }

    func confirmSubscription(id: String?, changes: [String: FieldChange], lines: [String]) {
        let place = TextSanitizer.sanitize(session.records.viewScope.leaf?.name ?? "your user").text
        let back: @MainActor @Sendable (ConsoleRuntime) -> Void = { $0.state.overlay = .records(RecordViewState()) }
        confirm(
            ConfirmDialog(
                title: id == nil ? "New subscription" : "Change subscription",
                lines: [id == nil ? "Subscribe \(place):" : "Change the subscription of \(place):"] + lines
                    + ["It changes what is billed from the next period."],
                confirmLabel: id == nil ? "Subscribe" : "Save",
                write: ConfirmedWrite(
                    id == nil ? "subscriptions.create" : "subscriptions.update", target: id ?? "", cancel: back
                ) {
                    runtime in
                    if let id {
                        runtime.session.records.updateSubscription(id: id, changes)
                    } else {
                        runtime.session.records.createSubscription(changes)
                    }
                    back(runtime)
                }, openedAt: now))
    }

    /// `D` in `:subs`: cancel the selected subscription, typing its plan's name.
    func confirmCancelSubscription() {
        guard session.directory.subscriptionManaging != nil, let row = session.records.snapshot.selectedRow else {
            return
        }
        let plan = row.cells.first.flatMap { $0.isEmpty ? nil : $0 } ?? row.id
        let back: @MainActor @Sendable (ConsoleRuntime) -> Void = { $0.state.overlay = .records(RecordViewState()) }
        confirm(
            ConfirmDialog(
                title: "Cancel subscription",
                lines: [
                    "Cancel the subscription to \(TextSanitizer.sanitize(plan).text).",
                    "What it pays for stops at the end of the period; this cannot be undone here.",
                ],
                confirmLabel: "Cancel subscription",
                write: ConfirmedWrite("subscriptions.delete", target: row.id, cancel: back) { runtime in
                    runtime.session.records.deleteSubscription(id: row.id)
                    back(runtime)
                }, typedNameRequired: plan, isDangerous: true, openedAt: now))
    }
}
