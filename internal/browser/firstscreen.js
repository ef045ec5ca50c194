// What a reader sees without scrolling, from the boxes the browser laid
// out: each box's top and bottom in CSS px from the top of the page.
(() => {
  const box = el => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY), lines: el.getClientRects().length,
      text: el.textContent.replace(/\s+/g, ' ').trim(), href: el.getAttribute('href') || '', visible: r.width > 0 && r.height > 0};
  };
  const now = document.querySelector('main .now');
  return {
    viewport: innerHeight,
    h1: box(document.querySelector('h1')),
    header: box(document.querySelector('header.site .org')),
    headerAll: box(document.querySelector('header.site')),
    status: box(document.querySelector('main .banner .now-status')),
    when: box(document.querySelector('main .banner .when time')),
    todo: now ? [...now.querySelectorAll('.todo > li')].map(box) : [],
    tel: box(now && now.querySelector('.call a[href^="tel:"]')),
    scam: box(now && now.querySelector('.scam-short')),
    scamLink: box(now && now.querySelector('.scam-short a[href]')),
    scamTarget: box(document.getElementById('scams')),
    allTel: [...document.querySelectorAll('a[href^="tel:"]')].map(box),
  };
})()
