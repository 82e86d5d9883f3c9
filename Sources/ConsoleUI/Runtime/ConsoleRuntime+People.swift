import APICore
import ConsoleModel
import Foundation
import TUIKit

/// `:people` and `:risks`: every profile swept at once, people merged by email, findings, Enter to a row, and the
/// offboarding plan run step by step through each profile's write runner.
extension ConsoleRuntime {
    /// The risk lens's thresholds (`[risks]` in the config).
    public var riskThresholds: RiskThresholds {
        get { state.lens.thresholds }
        set {
            state.lens.thresholds = newValue
            state.lens.recompute(now: wallClock())
        }
    }

    /// Opens a cross-profile view; the first one opened sweeps every profile (r sweeps again).
    func openLens(_ overlay: Overlay) {
        state.overlay = overlay
        state.editingFilter = false
        if state.lens.profiles.isEmpty { sweepEveryProfile() }
    }

    /// Sweeps every profile concurrently (each within its own rate-limit budget); results land as they come.
    func sweepEveryProfile() {
        state.lens.round += 1
        let round = state.lens.round
        let names = profiles?.names ?? [session.profile]
        state.lens.profiles = names
        state.lens.sweeps = Dictionary(uniqueKeysWithValues: names.map { ($0, .loading(SweepProgress())) })
        state.lens.recompute(now: wallClock())
        for name in names {
            if let opened = sessions[name] {
                startSweep(of: opened.session, round: round)
            } else if let profiles {
                crossProfileEffect({ _ in await Self.attempt { try await profiles.open(name) } }) { runtime, opened in
                    runtime.landOpenedProfile(name, opened, round: round)
                }
            }
        }
    }

    private func landOpenedProfile(
        _ name: String, _ opened: Result<(ConsoleSession, HeaderInfo), any Error>, round: Int
    ) {
        switch opened {
        case .success(let (session, header)):
            // Kept like a profile opened with :profile, so switching to it (Enter on a finding) reuses it.
            if sessions[name] == nil {
                sessions[name] = (session, header)
                follow(session)
            }
            if state.lens.round == round, let kept = sessions[name] { startSweep(of: kept.session, round: round) }
        case .failure(let error):
            guard state.lens.round == round else { return }
            state.lens.sweeps[name] = .failed(Self.describe(error))
            state.lens.recompute(now: wallClock())
        }
    }

    private func startSweep(of session: ConsoleSession, round: Int) {
        let sweep = InventorySweep(profile: session.profile, directory: session.directory, budget: session.rateBudget)
        let name = session.profile
        crossProfileEffect({ report in
            await sweep.run { progress in
                await report(EffectResult { $0.landSweep(name, .loading(progress), round: round) })
            }
        }) { runtime, inventory in
            runtime.landSweep(name, .loaded(inventory), round: round)
        }
    }

    private func landSweep(_ name: String, _ sweep: LensState.Sweep, round: Int) {
        guard state.lens.round == round else { return }
        state.lens.sweeps[name] = sweep
        if case .loading = sweep { return }
        state.lens.recompute(now: wallClock())
    }

    // MARK: - Enter on a row

    /// Goes to a row of a pane in its profile and scope, with its fixing action's key named.
    func jump(to target: LensJump) {
        guard let opened = sessions[target.profile] else {
            state.flash = Notice(.warning, "Profile \(target.profile) is not signed in")
            return
        }
        state.overlay = nil
        state.editingFilter = false
        if opened.session !== session { show(opened.session, header: opened.header, isNew: false) }
        session.reveal(target.scope, pane: target.pane, rowID: target.rowID, offsets: state.offsets)
        state.pane = target.pane
        let key = target.actionID.map { keyMap.reach(ActionID($0)) } ?? ""
        let place = target.scope.leaf.map { TextSanitizer.sanitize($0.name).text } ?? "the top level"
        state.flash = Notice(
            .info,
            "\(target.profile) › \(place) › \(target.pane.title)"
                + (key.isEmpty ? "" : ": \(key) \(Self.actionWord(target.actionID))") + " · Esc goes back")
    }

    private static func actionWord(_ id: String?) -> String {
        switch id {
        case "tokens.delete": "deletes it"
        case "tokens.menu": "opens its menu (roll, rotate)"
        case "tokens.edit": "edits its permissions"
        case "members.remove": "removes the member"
        case "members.edit": "changes roles"
        case "invitations.revoke": "revokes it"
        case "sso.show": "opens its SSO"
        default: "acts on it"
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? APIError)?.userMessage ?? String(describing: error)
    }
}
