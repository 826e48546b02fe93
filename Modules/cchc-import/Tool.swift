import ArgumentParser

@main
struct Tool: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cchc-import")
    func run() throws {}
}
