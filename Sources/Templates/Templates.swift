/// Knock's template flavour on top of Liquid.
public enum Templates {}
