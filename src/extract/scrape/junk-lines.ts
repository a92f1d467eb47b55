// Lines that are page furniture even when they sit inside the article container.

// Whole-line labels publishers put between paragraphs. Kept short and anchored: a
// real sentence that happens to start with "Advertisement" is not matched.
const LABEL_LINE = /^(advertisement|advertising|advert|ad|sponsored|story continues below( advertisement)?|continue reading( below)?|scroll to continue.*|read more:?|see also:?|related:?|share( this( article| story)?)?:?|share on \w+|tweet|email|print|comments?|\d+ comments?|click here to .{0,40}|sign up.{0,60}|subscribe.{0,60}|follow us.{0,40}|image:?|photo:?|caption:?|getty images|reuters|ap|afp)$/i;

// Social and icon vocabulary: a line made only of these words (or of them glued
// together, as icon fonts and SVG sprite titles render) is a share bar.
const ICON_WORDS = [
  'facebook', 'twitter', 'linkedin', 'pinterest', 'whatsapp', 'email', 'mail', 'print', 'reddit',
  'share', 'tweet', 'comment', 'comments', 'copy', 'link', 'instagram', 'youtube', 'telegram',
  'messenger', 'flipboard', 'tumblr', 'vk', 'sms', 'arrow', 'chevron', 'close', 'search', 'menu',
  'icon', 'left', 'right', 'up', 'down', 'burger', 'plus', 'minus', 'google', 'rss', 'xing', 'more',
];
const ICON_WORD_LINE = new RegExp(`^((${ICON_WORDS.join('|')})[\\s\\-_/|•·]*)+$`, 'i');

// Copyright notices, "this needs JavaScript" placeholders and unrendered CMS
// shortcodes ("[button link=…]…[/button]").
const NOTICE_LINE = /^(©|\(c\)\s|copyright\b)|all rights reserved\.?$|\b(requires|enable|turn on) javascript\b|^\[(?<code>\w+)[^\]]*\].*\[\/\k<code>\]$/i;

/** Whether a paragraph is furniture: a label, a row of share-button names, or icon-name junk. */
export function isJunkLine(text: string): boolean {
  const t = text.trim();
  if (t.length <= 60 && LABEL_LINE.test(t)) return true;
  if (t.length <= 200 && ICON_WORD_LINE.test(t)) return true;
  if (t.length <= 400 && NOTICE_LINE.test(t)) return true;
  return isGluedIconNames(t);
}

// Icon sprites and icon fonts render as a run of names with no spaces between them
// ("arrow-downarrow-leftburgerchevron-up…"). Latin-script prose has a space at least
// every ~15 characters; CJK prose has no spaces at all, so only Latin lines are tested.
function isGluedIconNames(t: string): boolean {
  if (t.length < 40 || /:\/\/|www\./i.test(t)) return false;
  const latin = t.match(/[a-z]/gi)?.length ?? 0;
  if (latin / t.length < 0.7) return false;
  const spaces = t.match(/\s/g)?.length ?? 0;
  return spaces / t.length < 1 / 25;
}
