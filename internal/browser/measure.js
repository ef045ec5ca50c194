// What a reader on a phone finds where, in CSS px from the top of the page:
// the page's height, the first tap-to-call link, the "What you can do"
// heading and the scam warning. -1 is "not on the page".
(() => {
  const top = el => el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : -1;
  const byText = (sel, re) => [...document.querySelectorAll(sel)].find(e => re.test(e.textContent));
  return {
    height: Math.round(document.documentElement.scrollHeight),
    tel: top(document.querySelector('a[href^="tel:"]')),
    todo: top(byText('h2,h3', /what you can do|what to do/i)),
    scam: top(byText('h2,h3,p,li,strong', /will never/i)),
  };
})()
