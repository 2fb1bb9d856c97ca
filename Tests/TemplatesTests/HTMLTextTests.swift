import Testing
@testable import Templates

/// The plain text of an HTML string.
private func t(_ html: String, _ options: HTMLText.Options = .default) -> String {
    HTMLText.plainText(html, options: options)
}

/// A transactional email as email builders write them: layout tables, a hidden preview text,
/// a logo, a button, a data table of items, a footer with an unsubscribe link and a tracking pixel.
private let orderConfirmation = """
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
    <head>
      <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1.0" />
      <title>Your Acme order #10234 is confirmed</title>
      <style type="text/css">
        body { margin: 0; padding: 0; background: #f4f4f7; }
        .button { background: #3869d4; color: #ffffff !important; }
        @media only screen and (max-width: 600px) { .email-body_inner { width: 100% !important; } }
      </style>
      <!--[if mso]><style>td { font-family: Arial, sans-serif; }</style><![endif]-->
    </head>
    <body style="margin:0;padding:0;background-color:#f4f4f7;">
      <div class="preheader" style="display: none !important; visibility: hidden; mso-hide: all; font-size: 1px; line-height: 1px; max-height: 0; max-width: 0; opacity: 0; overflow: hidden;">
        Your order is confirmed and will ship soon.&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;
      </div>
      <table class="email-wrapper" width="100%" cellpadding="0" cellspacing="0" role="presentation">
        <tr>
          <td align="center">
            <table class="email-content" width="600" cellpadding="0" cellspacing="0" role="presentation">
              <!-- Header -->
              <tr>
                <td class="email-masthead" style="padding: 25px 0; text-align: center;">
                  <a href="https://shop.acme.example/?utm_source=email" class="email-masthead_name">
                    <img src="https://cdn.acme.example/logo.png" width="120" height="40" alt="Acme Outfitters" style="border:0;" />
                  </a>
                </td>
              </tr>
              <!-- Body -->
              <tr>
                <td class="email-body" width="600" cellpadding="0" cellspacing="0">
                  <table class="email-body_inner" align="center" width="570" cellpadding="0" cellspacing="0" role="presentation">
                    <tr>
                      <td class="content-cell" style="padding: 35px;">
                        <h1 style="margin-top:0;color:#333333;font-size:22px;">Thanks for your order, Jane!</h1>
                        <p>We&rsquo;ve received order <strong>#10234</strong> and we&rsquo;re
                          getting it ready. You&#39;ll get another email when it ships.</p>
                        <table class="body-action" align="center" width="100%" cellpadding="0" cellspacing="0" role="presentation">
                          <tr>
                            <td align="center">
                              <a href="https://shop.acme.example/orders/10234?token=abc&amp;utm_medium=email" class="button button--green" target="_blank"
                                 style="display:inline-block;padding:10px 18px;border-radius:3px;">View&nbsp;your&nbsp;order</a>
                            </td>
                          </tr>
                        </table>
                        <h2>Order summary</h2>
                        <table class="purchase" width="100%" cellpadding="0" cellspacing="0">
                          <thead>
                            <tr><th align="left">Item</th><th>Qty</th><th align="right">Price</th></tr>
                          </thead>
                          <tbody>
                            <tr><td>Trail Runner 2 &mdash; Size 9</td><td>1</td><td align="right">$129.00</td></tr>
                            <tr><td>Merino Socks<br /><span style="color:#999">3-pack, grey</span></td><td>2</td><td align="right">$36.00</td></tr>
                            <tr><td colspan="3" style="height:8px;line-height:8px;">&nbsp;</td></tr>
                          </tbody>
                          <tfoot>
                            <tr><td colspan="2" align="right"><strong>Total</strong></td><td align="right"><strong>$165.00</strong></td></tr>
                          </tfoot>
                        </table>
                        <h3>Shipping to</h3>
                        <p>Jane Doe<br />
                          42 Harbour Road<br />
                          Portland, OR 97201</p>
                        <ul>
                          <li>Free returns within <em>30 days</em></li>
                          <li>Track your parcel at <a href="https://track.acme.example/10234">track.acme.example/10234</a></li>
                        </ul>
                        <p>Questions? Just reply to this email or write to
                          <a href="mailto:help@acme.example">help@acme.example</a>.</p>
                        <p>Cheers,<br />The Acme team</p>
                      </td>
                    </tr>
                  </table>
                </td>
              </tr>
              <!-- Footer -->
              <tr>
                <td class="email-footer" align="center" style="font-size:12px;color:#a8aaaf;">
                  <p>&copy; 2026 Acme Outfitters, Inc. &middot; 1 Market St, San Francisco, CA 94105</p>
                  <p>
                    <a href="https://shop.acme.example/account/notifications">Email preferences</a> &middot;
                    <a href="https://shop.acme.example/unsubscribe?u=8f3a">Unsubscribe</a>
                  </p>
                  <img src="https://t.acme.example/open.gif?m=10234" width="1" height="1" alt="" />
                </td>
              </tr>
            </table>
          </td>
        </tr>
      </table>
    </body>
    </html>
    """

@Suite("HTML to text")
struct HTMLTextTests {
    @Test func transactionalEmail() {
        #expect(t(orderConfirmation) == """
            Acme Outfitters (https://shop.acme.example/?utm_source=email)

            THANKS FOR YOUR ORDER, JANE!

            We’ve received order #10234 and we’re getting it ready. You'll get another email when it ships.

            View your order (https://shop.acme.example/orders/10234?token=abc&utm_medium=email)

            ORDER SUMMARY

            Item | Qty | Price
            Trail Runner 2 — Size 9 | 1 | $129.00
            Merino Socks 3-pack, grey | 2 | $36.00
            Total | $165.00

            Shipping to

            Jane Doe
            42 Harbour Road
            Portland, OR 97201

            - Free returns within 30 days
            - Track your parcel at track.acme.example/10234

            Questions? Just reply to this email or write to help@acme.example.

            Cheers,
            The Acme team

            © 2026 Acme Outfitters, Inc. · 1 Market St, San Francisco, CA 94105

            Email preferences (https://shop.acme.example/account/notifications) · Unsubscribe (https://shop.acme.example/unsubscribe?u=8f3a)
            """)
    }

    @Test func headings() {
        #expect(t("<h1>Welcome aboard</h1><p>x</p>") == "WELCOME ABOARD\n\nx")
        #expect(t("<h2>Straße</h2>") == "STRASSE")
        #expect(t("<p>a</p><h3>Details</h3><h4>More</h4>b") == "a\n\nDetails\n\nMore\n\nb")
        #expect(t("<h1>See <a href=\"https://x.example/A\">the Docs</a></h1>") == "SEE THE DOCS (https://x.example/A)")
        #expect(t("<h1><img alt=\"Logo\"> News</h1>") == "LOGO NEWS")
        #expect(t("<h1>Welcome</h1>", .init(uppercasesHeadings: false)) == "Welcome")
    }

    @Test func blocksAndBreaks() {
        #expect(t("<p>a</p><p>b</p>") == "a\n\nb")
        #expect(t("<div>a</div><div>b</div>") == "a\nb")
        #expect(t("<div><p>a</p></div><div><div><p>b</p></div></div>") == "a\n\nb")
        #expect(t("a<br>b") == "a\nb")
        #expect(t("a<br><br>b") == "a\n\nb")
        #expect(t("a<br><br><br><br>b") == "a\n\nb")
        #expect(t("<p>a<br></p><p>b</p>") == "a\n\nb")
        #expect(t("<div>a<br></div><div>b</div>") == "a\nb")
        #expect(t("<p>a</p><p>&nbsp;</p><p> </p><p></p><p>b</p>") == "a\n\nb")
        #expect(t("<p>a</p><hr><p>b</p>") == "a\n\n---\n\nb")
        #expect(t("<blockquote><p>quoted</p><p>twice</p></blockquote>after") == "> quoted\n\n> twice\n\nafter")
        #expect(t("<dl><dt>Term</dt><dd>Meaning</dd></dl>") == "Term\n  Meaning")
    }

    @Test func lists() {
        #expect(t("<ul><li>one</li><li>two</li></ul>") == "- one\n- two")
        #expect(t("<ol><li>one</li><li>two</li></ol>") == "1. one\n2. two")
        #expect(t("<ol start=\"9\"><li>nine</li><li>ten</li><li>eleven</li></ol>") == "9. nine\n10. ten\n11. eleven")
        #expect(t("<ol><li value=\"5\">five</li><li>six</li></ol>") == "5. five\n6. six")
        #expect(t("<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>") == "- a\n  - b\n    1. c\n- d")
        #expect(t("<ol><li><p>first</p><p>more</p></li><li><p>second</p></li></ol>") == "1. first\n\n   more\n\n2. second")
        #expect(t("<ul><li>a<br>still a</li></ul>") == "- a\n  still a")
        #expect(t("<p>Before</p><ul><li>x</li></ul><p>After</p>") == "Before\n\n- x\n\nAfter")
        #expect(t("<ul><li></li><li>only</li></ul>") == "- only")
        #expect(t("<ul><li><ul><li>inner</li></ul></li></ul>") == "-\n  - inner")
    }

    @Test func tables() {
        let data = "<table><tr><th>Item</th><th>Qty</th></tr><tr><td>Socks</td><td>2</td></tr></table>"
        #expect(t(data) == "Item | Qty\nSocks | 2")
        #expect(t(data, .init(tableCellSeparator: "\t")) == "Item\tQty\nSocks\t2")
        #expect(t("<p>a</p><table><caption>Items</caption><tr><td>x</td><td>1</td></tr></table><p>b</p>") == "a\n\nItems\nx | 1\n\nb")
        #expect(t("<table><tr><td>a</td><td></td><td>c</td></tr><tr><td>&nbsp;</td><td></td></tr></table>") == "a |  | c")
        #expect(t("<table><tr><td>a<br>b</td><td><p>c</p><p>d</p></td></tr></table>") == "a b | c d")
        #expect(t("<table><tr style=\"display:none\"><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>") == "1 | 2")
        // Layout tables: role="presentation", one cell per row, or a table inside.
        #expect(t("<table role=\"presentation\"><tr><td>Logo</td><td>View online</td></tr></table>") == "Logo\nView online")
        #expect(t("<table><tr><td>Hello</td></tr><tr><td>World</td></tr></table>") == "Hello\nWorld")
        #expect(t("<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>side</td></tr></table>") == "a | b\n\nside")
    }

    @Test func links() {
        #expect(t("<a href=\"https://x.example/a\">Docs</a>") == "Docs (https://x.example/a)")
        #expect(t("Go <a href=\"https://x.example\">here</a>, now") == "Go here (https://x.example), now")
        #expect(t("<a href=\"https://x.example/a\">https://x.example/a</a>") == "https://x.example/a")
        #expect(t("<a href=\"https://x.example/\">X.example</a>") == "X.example")
        #expect(t("<a href=\"mailto:help@acme.example\">help@acme.example</a>") == "help@acme.example")
        #expect(t("<a href=\"mailto:help@acme.example?subject=Hi\">Email us</a>") == "Email us (help@acme.example)")
        #expect(t("<a href=\"tel:+15551234\">Call us</a>") == "Call us (+15551234)")
        #expect(t("<a href=\"#top\">Back to top</a>") == "Back to top")
        #expect(t("<a href=\"javascript:void(0)\">Nothing</a>") == "Nothing")
        #expect(t("<a name=\"x\">Anchor</a>") == "Anchor")
        #expect(t("<a href=\"  https://x.example  \">Padded</a>") == "Padded (https://x.example)")
        #expect(t("<a href=\"https://x.example\"></a>") == "https://x.example")
        #expect(t("<a href=\"https://x.example\"><img src=\"x.png\"></a>") == "https://x.example")
        #expect(t("<a href=\"https://x.example\"><img alt=\"Twitter\"></a>") == "Twitter (https://x.example)")
        #expect(t("<a href=\"https://x.example\"><div>Button</div></a><p>next</p>") == "Button (https://x.example)\n\nnext")
        #expect(t("<a href=\"https://x.example\">Docs</a>", .init(showsLinkURLs: false)) == "Docs")
    }

    @Test func images() {
        #expect(t("<p>Hi <img src=\"wave.png\" alt=\"👋\"> there</p>") == "Hi 👋 there")
        #expect(t("<p>a<img src=\"pixel.gif\">b</p>") == "ab")
        #expect(t("<p>a <img src=\"pixel.gif\" alt=\"\"> b</p>") == "a b")
        #expect(t("<img alt=\"one\"> <img alt=\"two\">") == "one two")
    }

    @Test func droppedContent() {
        #expect(t("<script>var x = '<p>no</p>';</script>yes") == "yes")
        #expect(t("<style>p { color: red }</style>yes") == "yes")
        #expect(t("<html><head><title>Title</title><meta charset=\"utf-8\"></head><body>yes</body></html>") == "yes")
        #expect(t("a<!-- a comment -->b") == "ab")
        #expect(t("<!--[if mso]><p>Outlook only</p><![endif]-->yes") == "yes")
        #expect(t("<!--[if !mso]><!--><p>Not Outlook</p><!--<![endif]-->") == "Not Outlook")
        #expect(t("<template><p>no</p></template><noscript>no</noscript>yes") == "yes")
    }

    @Test func hiddenElements() {
        #expect(t("<div style=\"display:none\">preview</div><p>yes</p>") == "yes")
        #expect(t("<div style=\"font-size:1px; DISPLAY : None !important; opacity:0\">preview</div>yes") == "yes")
        #expect(t("<span style=\"display: block\">shown</span>") == "shown")
        #expect(t("<span style=\"content: 'display:none'\">shown</span>") == "shown")
        #expect(t("<p hidden>no</p>yes") == "yes")
    }

    @Test func whitespace() {
        #expect(t("  a   b \n\t c  ") == "a b c")
        #expect(t("<p>\n  Hello,\n  world\n</p>") == "Hello, world")
        #expect(t("<b>bold</b> <i>italic</i>") == "bold italic")
        #expect(t("un<b>bro</b>ken") == "unbroken")
        #expect(t("<span>a </span> <span> b</span>") == "a b")
        #expect(t("a&nbsp;&nbsp;b") == "a  b")
        #expect(t("<pre>\n  x = 1\n\n  y\ttab\n</pre>") == "x = 1\n\n  y\ttab")
        #expect(t("<p>a</p><pre>  code\n    more</pre>") == "a\n\n  code\n    more")
        #expect(t("<ul><li><pre>a\nb</pre></li></ul>") == "- a\n  b")
        #expect(t("") == "")
        #expect(t("   ") == "")
        #expect(t("<p></p>") == "")
    }

    @Test func entities() {
        #expect(t("&amp; &lt;b&gt; &quot;q&quot; &#39;s&#39; &apos;") == "& <b> \"q\" 's' '")
        #expect(t("&rsquo;&mdash;&hellip;&euro;&copy;") == "’—…€©")
        #expect(t("&#x1F600; &#128512;") == "😀 😀")
        #expect(t("AT&T &unknown;") == "AT&T &unknown;")
    }

    @Test func encodingAndRepair() {
        #expect(t("<meta charset=\"iso-8859-1\"><p>café</p>") == "café")
        #expect(t("<p>one<p>two") == "one\n\ntwo")
        #expect(t("<b>bold <i>both</b> italic</i>") == "bold both italic")
        #expect(t("<div>unclosed <span>span") == "unclosed span")
        #expect(t("</p>stray end tags</div>") == "stray end tags")
        #expect(t("plain text, no tags") == "plain text, no tags")
        // libxml2 wraps text that comes before any tag in an implied <p>.
        #expect(t("lead<div>x</div>") == "lead\n\nx")
    }

    /// libxml2 nests elements at most 256 deep and stops reading at that point.
    @Test func deepNesting() {
        func nested(_ levels: Int) -> String {
            String(repeating: "<div><span>", count: levels / 2) + "deep" + String(repeating: "</span></div>", count: levels / 2)
        }
        #expect(t("before" + nested(254) + "after") == "before\n\ndeep\nafter")
        #expect(t("before" + nested(10_000) + "after") == "before")
    }

    @Test func rendersConcurrently() async {
        let expected = t(orderConfirmation)
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<50).map { _ in t(orderConfirmation) } }
            }
            var all: [String] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(results.count == 400)
        #expect(results.allSatisfy { $0 == expected })
    }
}
