#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Benchmark driver for Shopify's Liquid (Ruby), optionally with liquid-c.
#
#   ruby ruby_liquid.rb --bench-data DIR [--seconds S] [--check-only] [--liquid-c]
#
# Renders the theme-runner workload described in bench-data/README.md, checks
# all 30 pages against expected/ (exit 1 on any mismatch), then times the
# parse, render and parse+render phases and prints one JSON line.
#
# The Shopify-only filters and tags below are our own code, written from the
# README's description and the expected/ output (not Shopify's performance/).

ENV['TZ'] = 'UTC'

require 'json'
require 'liquid'

use_liquid_c = ARGV.include?('--liquid-c')
require 'liquid/c' if use_liquid_c

Liquid::Template.error_mode = :lax

# ---------------------------------------------------------------- filters

module MissiveBenchShopFilters
  PRODUCT_IMAGE = %r{\Aproducts/([\w\-]+)\.(\w{2,4})}
  IMAGE_SIZES = %w[grande large medium compact small thumb icon].freeze

  def money(x)
    return '' if x.nil?
    format('$ %.2f', x / 100.0)
  end

  def money_with_currency(x)
    return '' if x.nil?
    format('$ %.2f USD', x / 100.0)
  end

  def asset_url(x)
    "/files/1/[shop_id]/[shop_id]/assets/#{x}"
  end

  def global_asset_url(x)
    "/global/#{x}"
  end

  def shopify_asset_url(x)
    "/shopify/#{x}"
  end

  def script_tag(url)
    %(<script src="#{url}" type="text/javascript"></script>)
  end

  def stylesheet_tag(url, media = 'all')
    %(<link href="#{url}" rel="stylesheet" type="text/css"  media="#{media}"  />)
  end

  def link_to(text, url, title = '')
    %(<a href="#{url}" title="#{title}">#{text}</a>)
  end

  def img_tag(url, alt = '')
    %(<img src="#{url}" alt="#{alt}" />)
  end

  def link_to_vendor(vendor)
    return 'Unknown Vendor' if vendor.nil?
    link_to(vendor, "/collections/#{bench_handleize(vendor)}", vendor)
  end

  def link_to_type(type)
    return 'Unknown Vendor' if type.nil?
    link_to(type, "/collections/#{bench_handleize(type)}", type)
  end

  def product_img_url(url, size = 'small')
    m = PRODUCT_IMAGE.match(url.to_s)
    raise Liquid::ArgumentError, 'product_img_url: not a product image' unless m
    return "/files/shops/random_number/#{url}" if size == 'original'
    raise Liquid::ArgumentError, "product_img_url: unknown size #{size}" unless IMAGE_SIZES.include?(size)
    "/files/shops/random_number/products/#{m[1]}_#{size}.#{m[2]}"
  end

  def default_pagination(paginate)
    spans = []
    if (prev = paginate['previous'])
      spans << %(<span class="prev">#{link_to(prev['title'], prev['url'])}</span>)
    end
    paginate['parts'].each do |part|
      spans << if part['is_link']
        %(<span class="page">#{link_to(part['title'], part['url'])}</span>)
      elsif part['title'].to_i == paginate['current_page'].to_i
        %(<span class="page current">#{part['title']}</span>)
      else
        %(<span class="deco">#{part['title']}</span>)
      end
    end
    if (nxt = paginate['next'])
      spans << %(<span class="next">#{link_to(nxt['title'], nxt['url'])}</span>)
    end
    spans.join(' ')
  end

  def pluralize(x, singular, plural)
    x == 1 ? singular : plural
  end

  def link_to_tag(label, tag)
    %(<a title="Show tag #{tag}" href="/collections/#{@context['handle']}/#{tag}">#{label}</a>)
  end

  def highlight_active_tag(tag, css_class = 'active')
    bench_current_tags.include?(tag) ? %(<span class="#{css_class}">#{tag}</span>) : tag
  end

  def link_to_add_tag(label, tag)
    tags = (bench_current_tags + [tag]).uniq
    %(<a title="Show tag #{tag}" href="/collections/#{@context['handle']}/#{tags.join('+')}">#{label}</a>)
  end

  def link_to_remove_tag(label, tag)
    tags = (bench_current_tags - [tag]).uniq
    %(<a title="Show tag #{tag}" href="/collections/#{@context['handle']}/#{tags.join('+')}">#{label}</a>)
  end

  def json(x)
    x = x.reject { |k, _| k == 'collections' } if x.is_a?(Hash)
    JSON.generate(x)
  end

  # Unknown to Shopify's runner as well (lax Liquid passes the input through);
  # registered as explicit identity filters so every engine does the same work.
  def within(x, *_args)
    x
  end

  def highlight(x, *_args)
    x
  end

  private

  def bench_current_tags
    Array(@context['current_tags'])
  end

  def bench_handleize(s)
    s.to_s.downcase.delete(%q('"()[])).gsub(/\W+/, '-').gsub(/\A-+|-+\z/, '')
  end
end

# ---------------------------------------------------------------- tags

# {% paginate EXPR by N %}...{% endpaginate %}: defines `paginate` for the body.
class MissiveBenchPaginate < Liquid::Block
  SYNTAX = /\A\s*(#{Liquid::QuotedFragment})\s*(?:by\s*(\d+))?/o
  WINDOW = 3
  BASE_URL = '/collections/frontpage'

  def initialize(tag_name, markup, parse_context)
    super
    m = SYNTAX.match(markup)
    raise Liquid::SyntaxError, 'paginate: expected "paginate EXPR by N"' unless m
    @collection = parse_expression(m[1])
    @page_size = m[2] ? m[2].to_i : 20
  end

  def render_to_output_buffer(context, output)
    collection = context.evaluate(@collection)
    items = collection.respond_to?(:size) ? collection.size : 0
    current = context['current_page'].to_i
    pages = (items.to_f / @page_size).ceil

    paginate = {
      'page_size' => @page_size,
      'current_page' => 5,
      'current_offset' => @page_size * 5,
      'items' => items,
      'pages' => pages,
      'parts' => [],
    }
    paginate['previous'] = page_link('&laquo; Previous', current - 1) if current > 1
    paginate['next'] = page_link('Next &raquo;', current + 1) if current < pages
    if pages >= 2
      gap = false
      (1..pages).each do |page|
        if page == current
          paginate['parts'] << { 'title' => page, 'is_link' => false }
        elsif page == 1 || page == pages || (page - current).abs < WINDOW
          paginate['parts'] << page_link(page, page)
        else
          paginate['parts'] << { 'title' => '&hellip;', 'is_link' => false } unless gap
          gap = true
          next
        end
        gap = false
      end
    end

    context.stack do
      context['paginate'] = paginate
      @body.render_to_output_buffer(context, output)
    end
    output
  end

  private

  def page_link(title, page)
    { 'title' => title, 'url' => "#{BASE_URL}?page=#{page}", 'is_link' => true }
  end
end

# {% form article %}...{% endform %}: the article comment form wrapper.
class MissiveBenchForm < Liquid::Block
  def initialize(tag_name, markup, parse_context)
    super
    name = markup.strip
    raise Liquid::SyntaxError, 'form: expected "form VARIABLE"' if name.empty?
    @target = parse_expression(name)
  end

  def render_to_output_buffer(context, output)
    article = context.evaluate(@target)
    id = article.is_a?(Hash) ? article['id'] : nil
    context.stack do
      context['form'] = {
        'posted_successfully?' => false,
        'errors' => context['comment.errors'],
        'author' => context['comment.author'],
        'email' => context['comment.email'],
        'body' => context['comment.body'],
      }
      output << %(<form id="article-#{id}-comment-form" class="comment-form" method="post" action="">\n)
      @body.render_to_output_buffer(context, output)
      output << "\n</form>"
    end
    output
  end
end

Liquid::Template.register_filter(MissiveBenchShopFilters)
Liquid::Template.register_tag('paginate', MissiveBenchPaginate)
Liquid::Template.register_tag('form', MissiveBenchForm)

# ---------------------------------------------------------------- workload

def usage!(msg)
  warn msg
  warn 'usage: ruby_liquid.rb --bench-data DIR [--seconds S] [--check-only] [--liquid-c]'
  exit 2
end

bench_data = nil
seconds = 5.0
check_only = false
args = ARGV.dup
until args.empty?
  case (a = args.shift)
  when '--bench-data' then bench_data = args.shift
  when '--seconds' then seconds = Float(args.shift)
  when '--check-only' then check_only = true
  when '--liquid-c' then nil
  else usage!("unknown argument: #{a}")
  end
end
usage!('--bench-data is required') unless bench_data && File.directory?(bench_data)

Page = Struct.new(:theme, :name, :source, :layout_source, :assigns, :expected)

base_assigns = JSON.parse(File.read(File.join(bench_data, 'vision.assigns.json')))
year = Time.now.utc.year.to_s
pages = []
Dir.children(File.join(bench_data, 'tests')).sort.each do |theme|
  dir = File.join(bench_data, 'tests', theme)
  layout = File.read(File.join(dir, 'theme.liquid'))
  Dir.children(dir).select { |f| f.end_with?('.liquid') && f != 'theme.liquid' }.sort.each do |file|
    name = File.basename(file, '.liquid')
    assigns = base_assigns.merge('template' => name, 'page_title' => 'Page title')
    expected = File.read(File.join(bench_data, 'expected', theme, "#{name}.html")).gsub('2026', year)
    pages << Page.new(theme, name, File.read(File.join(dir, file)), layout, assigns, expected)
  end
end

def render_page(page_tmpl, layout_tmpl, assigns)
  content = page_tmpl.render!(assigns)
  layout_tmpl.render!(assigns.merge('content_for_layout' => content))
end

def short_diff(expected, actual)
  e = expected.lines
  a = actual.lines
  i = 0
  i += 1 while i < e.size && i < a.size && e[i] == a[i]
  out = +"  first difference at line #{i + 1} (expected #{e.size} lines, got #{a.size})\n"
  e[i, 3].to_a.each { |l| out << "  - #{l.chomp}\n" }
  a[i, 3].to_a.each { |l| out << "  + #{l.chomp}\n" }
  out
end

# Check every page before timing anything.
failed = []
pages.each do |p|
  label = "#{p.theme}/#{p.name}"
  begin
    actual = render_page(Liquid::Template.parse(p.source), Liquid::Template.parse(p.layout_source), p.assigns)
  rescue StandardError => e
    failed << label
    warn "#{label}: #{e.class}: #{e.message}"
    next
  end
  next if actual == p.expected
  failed << label
  warn "#{label}: output differs from expected"
  warn short_diff(p.expected, actual)
end
unless failed.empty?
  warn "check FAILED for #{failed.size} of #{pages.size} pages: #{failed.join(' ')}"
  exit 1
end
warn "check ok: #{pages.size} pages"
exit 0 if check_only

sources = pages.flat_map { |p| [p.source, p.layout_source] }
parsed = pages.map { |p| [Liquid::Template.parse(p.source), Liquid::Template.parse(p.layout_source), p.assigns] }

ops = {
  'parse' => -> { sources.each { |s| Liquid::Template.parse(s) } },
  'render' => -> { parsed.each { |pt, lt, a| render_page(pt, lt, a) } },
  'parse_render' => lambda {
    pages.each { |p| render_page(Liquid::Template.parse(p.source), Liquid::Template.parse(p.layout_source), p.assigns) }
  },
}

def measure(seconds, op)
  op.call # warm-up
  clock = Process::CLOCK_MONOTONIC
  count = 0
  start = Process.clock_gettime(clock)
  elapsed = 0.0
  while count < 3 || elapsed < seconds
    op.call
    count += 1
    elapsed = Process.clock_gettime(clock) - start
  end
  count / elapsed
end

engine = "shopify-liquid #{Liquid::VERSION}"
engine += " + liquid-c #{Liquid::C::VERSION}" if use_liquid_c
engine += " (ruby #{RUBY_VERSION})"
result = { 'engine' => engine }
ops.each { |phase, op| result[phase] = measure(seconds, op).round(3) }
puts JSON.generate(result)
