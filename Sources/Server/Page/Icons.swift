/// Small line icons (24×24, stroked with the text colour) for channels, steps and the toolbar.
enum Icons {
    static func svg(_ name: String, size: Int = 16) -> String {
        "<svg class=\"icon\" width=\"\(size)\" height=\"\(size)\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" "
            + "stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\">\(paths[name] ?? paths["dot"]!)</svg>"
    }

    /// The icon for a step: its channel type, or its function type.
    static func step(type: String, channelType: String?) -> String { svg(channelType ?? type) }

    static let paths: [String: String] = [
        "email": "<rect x=\"3\" y=\"5\" width=\"18\" height=\"14\" rx=\"2\"/><path d=\"M3.5 6.5l8.5 6 8.5-6\"/>",
        "sms": "<path d=\"M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H10l-4 3v-3H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z\"/><path d=\"M8 10h.01M12 10h.01M16 10h.01\"/>",
        "push": "<path d=\"M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15z\"/><path d=\"M10 20a2 2 0 0 0 4 0\"/>",
        "chat": "<path d=\"M9 4L7 20M17 4l-2 16M4 9h16M3 15h16\"/>",
        "in_app_feed": "<path d=\"M4 13l2.5-7h11L20 13v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1z\"/><path d=\"M4 13h4.5l1 2h5l1-2H20\"/>",
        "in_app_guide": "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M12 8v5M12 16h.01\"/>",
        "http": "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M3 12h18M12 3c3 3.2 3 14.8 0 18M12 3c-3 3.2-3 14.8 0 18\"/>",
        "delay": "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M12 7v5l3 2\"/>",
        "batch": "<path d=\"M12 3l9 5-9 5-9-5z\"/><path d=\"M3 13l9 5 9-5\"/>",
        "branch": "<circle cx=\"6\" cy=\"5\" r=\"2\"/><circle cx=\"6\" cy=\"19\" r=\"2\"/><circle cx=\"18\" cy=\"8\" r=\"2\"/><path d=\"M6 7v10M18 10c0 4-6 3-11.5 7\"/>",
        "throttle": "<path d=\"M4 17a8 8 0 1 1 16 0\"/><path d=\"M12 17l4-6\"/>",
        "http_fetch": "<path d=\"M12 4v12M7 11l5 5 5-5\"/><path d=\"M5 20h14\"/>",
        "trigger_workflow": "<path d=\"M13 3L5 14h6l-1 7 8-11h-6z\"/>",
        "update_data": "<path d=\"M4 20h4L19 9l-4-4L4 16z\"/>",
        "layout": "<rect x=\"3\" y=\"4\" width=\"18\" height=\"16\" rx=\"2\"/><path d=\"M3 9h18M9 9v11\"/>",
        "partial": "<path d=\"M8 4H5v16h3M16 4h3v16h-3\"/>",
        "translation": "<path d=\"M4 5h9M8.5 3v2M6 5c0 4 3 7 6 8M11 5c0 4-3 7-6 9\"/><path d=\"M13 21l4-9 4 9M14.5 18h5\"/>",
        "desktop": "<rect x=\"3\" y=\"4\" width=\"18\" height=\"12\" rx=\"1.5\"/><path d=\"M8 20h8M12 16v4\"/>",
        "mobile": "<rect x=\"7\" y=\"3\" width=\"10\" height=\"18\" rx=\"2\"/><path d=\"M11 18h2\"/>",
        "sun": "<circle cx=\"12\" cy=\"12\" r=\"4\"/><path d=\"M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4\"/>",
        "moon": "<path d=\"M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z\"/>",
        "warning": "<path d=\"M12 3l10 18H2z\"/><path d=\"M12 10v4M12 17.5h.01\"/>",
        "error": "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M9 9l6 6M15 9l-6 6\"/>",
        "check": "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M8 12.5l2.5 2.5L16 9.5\"/>",
        "skip": "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M6 18L18 6\"/>",
        "search": "<circle cx=\"11\" cy=\"11\" r=\"7\"/><path d=\"M20 20l-4-4\"/>",
        "file": "<path d=\"M6 3h8l4 4v14H6z\"/><path d=\"M14 3v4h4\"/>",
        "reset": "<path d=\"M4 12a8 8 0 1 0 2.3-5.7L4 8.6\"/><path d=\"M4 4v4.6h4.6\"/>",
        "dot": "<circle cx=\"12\" cy=\"12\" r=\"3\"/>",
    ]
}
