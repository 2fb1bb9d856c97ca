/// The preview server (being built).
public enum PreviewServer {}
