// What every page of the console owes its readers (WCAG 2.1 AA, the parts a script can check), run in the page by
// ConsoleInBrowserIT: returns the problems found, as sentences; none is the only pass.
const problems = [];
const describe = el => el.outerHTML.slice(0, 120);
const visible = el => el.getClientRects().length > 0 && el.offsetWidth > 1 && el.offsetHeight > 1
  && getComputedStyle(el).visibility !== 'hidden';

if (!document.documentElement.lang) problems.push('the page has no language (html lang)');
if (document.querySelectorAll('main h1').length !== 1) problems.push('the page has not exactly one h1');
const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
ids.filter((id, i) => ids.indexOf(id) !== i).forEach(id => problems.push(`the id ${id} is not unique`));
document.querySelectorAll('[tabindex]').forEach(el => {
  if (Number(el.getAttribute('tabindex')) > 0) problems.push(`a positive tabindex breaks the keyboard order: ${describe(el)}`);
});

// every control has a label a screen reader reads out
document.querySelectorAll('input:not([type=hidden]), select, textarea, progress, meter').forEach(el => {
  const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
  if (visible(el) && !labelled) problems.push(`a control without a label: ${describe(el)}`);
});
// every button and link says what it does
document.querySelectorAll('button, a[href], [role=button]').forEach(el => {
  const name = (el.textContent || '').trim() || el.getAttribute('aria-label') || el.getAttribute('title');
  if (visible(el) && !name) problems.push(`a button or link without a name: ${describe(el)}`);
});

// text contrast: 4.5:1, or 3:1 for large text, against the background it is drawn on
const parse = colour => {
  const match = colour.match(/rgba?\(([^)]+)\)/);
  if (!match) return null;
  const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
};
const over = (top, bottom) => ({
  r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
  b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
});
const backgroundOf = el => {
  const layers = [];
  for (let node = el; node; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour && colour.a > 0) {
      layers.push(colour);
      if (colour.a >= 1) break;
    }
  }
  return layers.reverse().reduce((below, layer) => over(layer, below), {r: 255, g: 255, b: 255, a: 1});
};
const luminance = ({r, g, b}) => {
  const channel = v => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
document.querySelectorAll('main *, header *').forEach(el => {
  const ownText = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  if (!ownText || !visible(el) || el.closest('.visually-hidden')) return;
  const style = getComputedStyle(el);
  const background = backgroundOf(el);
  const text = over(parse(style.color), background);
  const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  const ratio = (light + 0.05) / (dark + 0.05);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) {
    problems.push(`contrast ${ratio.toFixed(2)}:1 is too low for "${el.textContent.trim().slice(0, 40)}" (${describe(el)})`);
  }
});
return problems.slice(0, 25);
