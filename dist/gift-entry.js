// node_modules/@lit/reactive-element/css-tag.js
var e = globalThis, t = e.ShadowRoot && (e.ShadyCSS === void 0 || e.ShadyCSS.nativeShadow) && "adoptedStyleSheets" in Document.prototype && "replace" in CSSStyleSheet.prototype, n = Symbol(), r = /* @__PURE__ */ new WeakMap(), i = class {
	constructor(e, t, r) {
		if (this._$cssResult$ = !0, r !== n) throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");
		this.cssText = e, this.t = t;
	}
	get styleSheet() {
		let e = this.o, n = this.t;
		if (t && e === void 0) {
			let t = n !== void 0 && n.length === 1;
			t && (e = r.get(n)), e === void 0 && ((this.o = e = new CSSStyleSheet()).replaceSync(this.cssText), t && r.set(n, e));
		}
		return e;
	}
	toString() {
		return this.cssText;
	}
}, a = (e) => new i(typeof e == "string" ? e : e + "", void 0, n), o = (n, r) => {
	if (t) n.adoptedStyleSheets = r.map((e) => e instanceof CSSStyleSheet ? e : e.styleSheet);
	else for (let t of r) {
		let r = document.createElement("style"), i = e.litNonce;
		i !== void 0 && r.setAttribute("nonce", i), r.textContent = t.cssText, n.appendChild(r);
	}
}, s = t ? (e) => e : (e) => e instanceof CSSStyleSheet ? ((e) => {
	let t = "";
	for (let n of e.cssRules) t += n.cssText;
	return a(t);
})(e) : e, { is: c, defineProperty: l, getOwnPropertyDescriptor: u, getOwnPropertyNames: d, getOwnPropertySymbols: f, getPrototypeOf: p } = Object, ee = globalThis, te = ee.trustedTypes, ne = te ? te.emptyScript : "", re = ee.reactiveElementPolyfillSupport, m = (e, t) => e, ie = {
	toAttribute(e, t) {
		switch (t) {
			case Boolean:
				e = e ? ne : null;
				break;
			case Object:
			case Array: e = e == null ? e : JSON.stringify(e);
		}
		return e;
	},
	fromAttribute(e, t) {
		let n = e;
		switch (t) {
			case Boolean:
				n = e !== null;
				break;
			case Number:
				n = e === null ? null : Number(e);
				break;
			case Object:
			case Array: try {
				n = JSON.parse(e);
			} catch {
				n = null;
			}
		}
		return n;
	}
}, ae = (e, t) => !c(e, t), oe = {
	attribute: !0,
	type: String,
	converter: ie,
	reflect: !1,
	useDefault: !1,
	hasChanged: ae
};
Symbol.metadata ??= Symbol("metadata"), ee.litPropertyMetadata ??= /* @__PURE__ */ new WeakMap();
var h = class extends HTMLElement {
	static addInitializer(e) {
		this._$Ei(), (this.l ??= []).push(e);
	}
	static get observedAttributes() {
		return this.finalize(), this._$Eh && [...this._$Eh.keys()];
	}
	static createProperty(e, t = oe) {
		if (t.state && (t.attribute = !1), this._$Ei(), this.prototype.hasOwnProperty(e) && ((t = Object.create(t)).wrapped = !0), this.elementProperties.set(e, t), !t.noAccessor) {
			let n = Symbol(), r = this.getPropertyDescriptor(e, n, t);
			r !== void 0 && l(this.prototype, e, r);
		}
	}
	static getPropertyDescriptor(e, t, n) {
		let { get: r, set: i } = u(this.prototype, e) ?? {
			get() {
				return this[t];
			},
			set(e) {
				this[t] = e;
			}
		};
		return {
			get: r,
			set(t) {
				let a = r?.call(this);
				i?.call(this, t), this.requestUpdate(e, a, n);
			},
			configurable: !0,
			enumerable: !0
		};
	}
	static getPropertyOptions(e) {
		return this.elementProperties.get(e) ?? oe;
	}
	static _$Ei() {
		if (this.hasOwnProperty(m("elementProperties"))) return;
		let e = p(this);
		e.finalize(), e.l !== void 0 && (this.l = [...e.l]), this.elementProperties = new Map(e.elementProperties);
	}
	static finalize() {
		if (this.hasOwnProperty(m("finalized"))) return;
		if (this.finalized = !0, this._$Ei(), this.hasOwnProperty(m("properties"))) {
			let e = this.properties, t = [...d(e), ...f(e)];
			for (let n of t) this.createProperty(n, e[n]);
		}
		let e = this[Symbol.metadata];
		if (e !== null) {
			let t = litPropertyMetadata.get(e);
			if (t !== void 0) for (let [e, n] of t) this.elementProperties.set(e, n);
		}
		this._$Eh = /* @__PURE__ */ new Map();
		for (let [e, t] of this.elementProperties) {
			let n = this._$Eu(e, t);
			n !== void 0 && this._$Eh.set(n, e);
		}
		this.elementStyles = this.finalizeStyles(this.styles);
	}
	static finalizeStyles(e) {
		let t = [];
		if (Array.isArray(e)) {
			let n = new Set(e.flat(1 / 0).reverse());
			for (let e of n) t.unshift(s(e));
		} else e !== void 0 && t.push(s(e));
		return t;
	}
	static _$Eu(e, t) {
		let n = t.attribute;
		return !1 === n ? void 0 : typeof n == "string" ? n : typeof e == "string" ? e.toLowerCase() : void 0;
	}
	constructor() {
		super(), this._$Ep = void 0, this.isUpdatePending = !1, this.hasUpdated = !1, this._$Em = null, this._$Ev();
	}
	_$Ev() {
		this._$ES = new Promise((e) => this.enableUpdating = e), this._$AL = /* @__PURE__ */ new Map(), this._$E_(), this.requestUpdate(), this.constructor.l?.forEach((e) => e(this));
	}
	addController(e) {
		(this._$EO ??= /* @__PURE__ */ new Set()).add(e), this.renderRoot !== void 0 && this.isConnected && e.hostConnected?.();
	}
	removeController(e) {
		this._$EO?.delete(e);
	}
	_$E_() {
		let e = /* @__PURE__ */ new Map(), t = this.constructor.elementProperties;
		for (let n of t.keys()) this.hasOwnProperty(n) && (e.set(n, this[n]), delete this[n]);
		e.size > 0 && (this._$Ep = e);
	}
	createRenderRoot() {
		let e = this.shadowRoot ?? this.attachShadow(this.constructor.shadowRootOptions);
		return o(e, this.constructor.elementStyles), e;
	}
	connectedCallback() {
		this.renderRoot ??= this.createRenderRoot(), this.enableUpdating(!0), this._$EO?.forEach((e) => e.hostConnected?.());
	}
	enableUpdating(e) {}
	disconnectedCallback() {
		this._$EO?.forEach((e) => e.hostDisconnected?.());
	}
	attributeChangedCallback(e, t, n) {
		this._$AK(e, n);
	}
	_$ET(e, t) {
		let n = this.constructor.elementProperties.get(e), r = this.constructor._$Eu(e, n);
		if (r !== void 0 && !0 === n.reflect) {
			let i = (n.converter?.toAttribute === void 0 ? ie : n.converter).toAttribute(t, n.type);
			this._$Em = e, i == null ? this.removeAttribute(r) : this.setAttribute(r, i), this._$Em = null;
		}
	}
	_$AK(e, t) {
		let n = this.constructor, r = n._$Eh.get(e);
		if (r !== void 0 && this._$Em !== r) {
			let e = n.getPropertyOptions(r), i = typeof e.converter == "function" ? { fromAttribute: e.converter } : e.converter?.fromAttribute === void 0 ? ie : e.converter;
			this._$Em = r;
			let a = i.fromAttribute(t, e.type);
			this[r] = a ?? this._$Ej?.get(r) ?? a, this._$Em = null;
		}
	}
	requestUpdate(e, t, n, r = !1, i) {
		if (e !== void 0) {
			let a = this.constructor;
			if (!1 === r && (i = this[e]), n ??= a.getPropertyOptions(e), !((n.hasChanged ?? ae)(i, t) || n.useDefault && n.reflect && i === this._$Ej?.get(e) && !this.hasAttribute(a._$Eu(e, n)))) return;
			this.C(e, t, n);
		}
		!1 === this.isUpdatePending && (this._$ES = this._$EP());
	}
	C(e, t, { useDefault: n, reflect: r, wrapped: i }, a) {
		n && !(this._$Ej ??= /* @__PURE__ */ new Map()).has(e) && (this._$Ej.set(e, a ?? t ?? this[e]), !0 !== i || a !== void 0) || (this._$AL.has(e) || (this.hasUpdated || n || (t = void 0), this._$AL.set(e, t)), !0 === r && this._$Em !== e && (this._$Eq ??= /* @__PURE__ */ new Set()).add(e));
	}
	async _$EP() {
		this.isUpdatePending = !0;
		try {
			await this._$ES;
		} catch (e) {
			Promise.reject(e);
		}
		let e = this.scheduleUpdate();
		return e != null && await e, !this.isUpdatePending;
	}
	scheduleUpdate() {
		return this.performUpdate();
	}
	performUpdate() {
		if (!this.isUpdatePending) return;
		if (!this.hasUpdated) {
			if (this.renderRoot ??= this.createRenderRoot(), this._$Ep) {
				for (let [e, t] of this._$Ep) this[e] = t;
				this._$Ep = void 0;
			}
			let e = this.constructor.elementProperties;
			if (e.size > 0) for (let [t, n] of e) {
				let { wrapped: e } = n, r = this[t];
				!0 !== e || this._$AL.has(t) || r === void 0 || this.C(t, void 0, n, r);
			}
		}
		let e = !1, t = this._$AL;
		try {
			e = this.shouldUpdate(t), e ? (this.willUpdate(t), this._$EO?.forEach((e) => e.hostUpdate?.()), this.update(t)) : this._$EM();
		} catch (t) {
			throw e = !1, this._$EM(), t;
		}
		e && this._$AE(t);
	}
	willUpdate(e) {}
	_$AE(e) {
		this._$EO?.forEach((e) => e.hostUpdated?.()), this.hasUpdated || (this.hasUpdated = !0, this.firstUpdated(e)), this.updated(e);
	}
	_$EM() {
		this._$AL = /* @__PURE__ */ new Map(), this.isUpdatePending = !1;
	}
	get updateComplete() {
		return this.getUpdateComplete();
	}
	getUpdateComplete() {
		return this._$ES;
	}
	shouldUpdate(e) {
		return !0;
	}
	update(e) {
		this._$Eq &&= this._$Eq.forEach((e) => this._$ET(e, this[e])), this._$EM();
	}
	updated(e) {}
	firstUpdated(e) {}
};
h.elementStyles = [], h.shadowRootOptions = { mode: "open" }, h[m("elementProperties")] = /* @__PURE__ */ new Map(), h[m("finalized")] = /* @__PURE__ */ new Map(), re?.({ ReactiveElement: h }), (ee.reactiveElementVersions ??= []).push("2.1.2");
// node_modules/lit-html/lit-html.js
var se = globalThis, ce = (e) => e, g = se.trustedTypes, le = g ? g.createPolicy("lit-html", { createHTML: (e) => e }) : void 0, ue = "$lit$", _ = `lit$${Math.random().toFixed(9).slice(2)}$`, de = "?" + _, fe = `<${de}>`, v = document, y = () => v.createComment(""), b = (e) => e === null || typeof e != "object" && typeof e != "function", pe = Array.isArray, me = (e) => pe(e) || typeof e?.[Symbol.iterator] == "function", he = "[ 	\n\f\r]", x = /<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g, ge = /-->/g, _e = />/g, S = RegExp(`>|${he}(?:([^\\s"'>=/]+)(${he}*=${he}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`, "g"), ve = /'/g, ye = /"/g, be = /^(?:script|style|textarea|title)$/i, C = ((e) => (t, ...n) => ({
	_$litType$: e,
	strings: t,
	values: n
}))(1), w = Symbol.for("lit-noChange"), T = Symbol.for("lit-nothing"), xe = /* @__PURE__ */ new WeakMap(), E = v.createTreeWalker(v, 129);
function Se(e, t) {
	if (!pe(e) || !e.hasOwnProperty("raw")) throw Error("invalid template strings array");
	return le === void 0 ? t : le.createHTML(t);
}
var Ce = (e, t) => {
	let n = e.length - 1, r = [], i, a = t === 2 ? "<svg>" : t === 3 ? "<math>" : "", o = x;
	for (let t = 0; t < n; t++) {
		let n = e[t], s, c, l = -1, u = 0;
		for (; u < n.length && (o.lastIndex = u, c = o.exec(n), c !== null);) u = o.lastIndex, o === x ? c[1] === "!--" ? o = ge : c[1] === void 0 ? c[2] === void 0 ? c[3] !== void 0 && (o = S) : (be.test(c[2]) && (i = RegExp("</" + c[2], "g")), o = S) : o = _e : o === S ? c[0] === ">" ? (o = i ?? x, l = -1) : c[1] === void 0 ? l = -2 : (l = o.lastIndex - c[2].length, s = c[1], o = c[3] === void 0 ? S : c[3] === "\"" ? ye : ve) : o === ye || o === ve ? o = S : o === ge || o === _e ? o = x : (o = S, i = void 0);
		let d = o === S && e[t + 1].startsWith("/>") ? " " : "";
		a += o === x ? n + fe : l >= 0 ? (r.push(s), n.slice(0, l) + ue + n.slice(l) + _ + d) : n + _ + (l === -2 ? t : d);
	}
	return [Se(e, a + (e[n] || "<?>") + (t === 2 ? "</svg>" : t === 3 ? "</math>" : "")), r];
}, we = class e {
	constructor({ strings: t, _$litType$: n }, r) {
		let i;
		this.parts = [];
		let a = 0, o = 0, s = t.length - 1, c = this.parts, [l, u] = Ce(t, n);
		if (this.el = e.createElement(l, r), E.currentNode = this.el.content, n === 2 || n === 3) {
			let e = this.el.content.firstChild;
			e.replaceWith(...e.childNodes);
		}
		for (; (i = E.nextNode()) !== null && c.length < s;) {
			if (i.nodeType === 1) {
				if (i.hasAttributes()) for (let e of i.getAttributeNames()) if (e.endsWith(ue)) {
					let t = u[o++], n = i.getAttribute(e).split(_), r = /([.?@])?(.*)/.exec(t);
					c.push({
						type: 1,
						index: a,
						name: r[2],
						strings: n,
						ctor: r[1] === "." ? Oe : r[1] === "?" ? ke : r[1] === "@" ? Ae : De
					}), i.removeAttribute(e);
				} else e.startsWith(_) && (c.push({
					type: 6,
					index: a
				}), i.removeAttribute(e));
				if (be.test(i.tagName)) {
					let e = i.textContent.split(_), t = e.length - 1;
					if (t > 0) {
						i.textContent = g ? g.emptyScript : "";
						for (let n = 0; n < t; n++) i.append(e[n], y()), E.nextNode(), c.push({
							type: 2,
							index: ++a
						});
						i.append(e[t], y());
					}
				}
			} else if (i.nodeType === 8) {
				if (i.data === de) c.push({
					type: 2,
					index: a
				});
				else {
					let e = -1;
					for (; (e = i.data.indexOf(_, e + 1)) !== -1;) c.push({
						type: 7,
						index: a
					}), e += _.length - 1;
				}
			}
			a++;
		}
	}
	static createElement(e, t) {
		let n = v.createElement("template");
		return n.innerHTML = e, n;
	}
};
function D(e, t, n = e, r) {
	if (t === w) return t;
	let i = r === void 0 ? n._$Cl : n._$Co?.[r], a = b(t) ? void 0 : t._$litDirective$;
	return i?.constructor !== a && (i?._$AO?.(!1), a === void 0 ? i = void 0 : (i = new a(e), i._$AT(e, n, r)), r === void 0 ? n._$Cl = i : (n._$Co ??= [])[r] = i), i !== void 0 && (t = D(e, i._$AS(e, t.values), i, r)), t;
}
var Te = class {
	constructor(e, t) {
		this._$AV = [], this._$AN = void 0, this._$AD = e, this._$AM = t;
	}
	get parentNode() {
		return this._$AM.parentNode;
	}
	get _$AU() {
		return this._$AM._$AU;
	}
	u(e) {
		let { el: { content: t }, parts: n } = this._$AD, r = (e?.creationScope ?? v).importNode(t, !0);
		E.currentNode = r;
		let i = E.nextNode(), a = 0, o = 0, s = n[0];
		for (; s !== void 0;) {
			if (a === s.index) {
				let t;
				s.type === 2 ? t = new Ee(i, i.nextSibling, this, e) : s.type === 1 ? t = new s.ctor(i, s.name, s.strings, this, e) : s.type === 6 && (t = new je(i, this, e)), this._$AV.push(t), s = n[++o];
			}
			a !== s?.index && (i = E.nextNode(), a++);
		}
		return E.currentNode = v, r;
	}
	p(e) {
		let t = 0;
		for (let n of this._$AV) n !== void 0 && (n.strings === void 0 ? n._$AI(e[t]) : (n._$AI(e, n, t), t += n.strings.length - 2)), t++;
	}
}, Ee = class e {
	get _$AU() {
		return this._$AM?._$AU ?? this._$Cv;
	}
	constructor(e, t, n, r) {
		this.type = 2, this._$AH = T, this._$AN = void 0, this._$AA = e, this._$AB = t, this._$AM = n, this.options = r, this._$Cv = r?.isConnected ?? !0;
	}
	get parentNode() {
		let e = this._$AA.parentNode, t = this._$AM;
		return t !== void 0 && e?.nodeType === 11 && (e = t.parentNode), e;
	}
	get startNode() {
		return this._$AA;
	}
	get endNode() {
		return this._$AB;
	}
	_$AI(e, t = this) {
		e = D(this, e, t), b(e) ? e === T || e == null || e === "" ? (this._$AH !== T && this._$AR(), this._$AH = T) : e !== this._$AH && e !== w && this._(e) : e._$litType$ === void 0 ? e.nodeType === void 0 ? me(e) ? this.k(e) : this._(e) : this.T(e) : this.$(e);
	}
	O(e) {
		return this._$AA.parentNode.insertBefore(e, this._$AB);
	}
	T(e) {
		this._$AH !== e && (this._$AR(), this._$AH = this.O(e));
	}
	_(e) {
		this._$AH !== T && b(this._$AH) ? this._$AA.nextSibling.data = e : this.T(v.createTextNode(e)), this._$AH = e;
	}
	$(e) {
		let { values: t, _$litType$: n } = e, r = typeof n == "number" ? this._$AC(e) : (n.el === void 0 && (n.el = we.createElement(Se(n.h, n.h[0]), this.options)), n);
		if (this._$AH?._$AD === r) this._$AH.p(t);
		else {
			let e = new Te(r, this), n = e.u(this.options);
			e.p(t), this.T(n), this._$AH = e;
		}
	}
	_$AC(e) {
		let t = xe.get(e.strings);
		return t === void 0 && xe.set(e.strings, t = new we(e)), t;
	}
	k(t) {
		pe(this._$AH) || (this._$AH = [], this._$AR());
		let n = this._$AH, r, i = 0;
		for (let a of t) i === n.length ? n.push(r = new e(this.O(y()), this.O(y()), this, this.options)) : r = n[i], r._$AI(a), i++;
		i < n.length && (this._$AR(r && r._$AB.nextSibling, i), n.length = i);
	}
	_$AR(e = this._$AA.nextSibling, t) {
		for (this._$AP?.(!1, !0, t); e !== this._$AB;) {
			let t = ce(e).nextSibling;
			ce(e).remove(), e = t;
		}
	}
	setConnected(e) {
		this._$AM === void 0 && (this._$Cv = e, this._$AP?.(e));
	}
}, De = class {
	get tagName() {
		return this.element.tagName;
	}
	get _$AU() {
		return this._$AM._$AU;
	}
	constructor(e, t, n, r, i) {
		this.type = 1, this._$AH = T, this._$AN = void 0, this.element = e, this.name = t, this._$AM = r, this.options = i, n.length > 2 || n[0] !== "" || n[1] !== "" ? (this._$AH = Array(n.length - 1).fill(/* @__PURE__ */ new String()), this.strings = n) : this._$AH = T;
	}
	_$AI(e, t = this, n, r) {
		let i = this.strings, a = !1;
		if (i === void 0) e = D(this, e, t, 0), a = !b(e) || e !== this._$AH && e !== w, a && (this._$AH = e);
		else {
			let r = e, o, s;
			for (e = i[0], o = 0; o < i.length - 1; o++) s = D(this, r[n + o], t, o), s === w && (s = this._$AH[o]), a ||= !b(s) || s !== this._$AH[o], s === T ? e = T : e !== T && (e += (s ?? "") + i[o + 1]), this._$AH[o] = s;
		}
		a && !r && this.j(e);
	}
	j(e) {
		e === T ? this.element.removeAttribute(this.name) : this.element.setAttribute(this.name, e ?? "");
	}
}, Oe = class extends De {
	constructor() {
		super(...arguments), this.type = 3;
	}
	j(e) {
		this.element[this.name] = e === T ? void 0 : e;
	}
}, ke = class extends De {
	constructor() {
		super(...arguments), this.type = 4;
	}
	j(e) {
		this.element.toggleAttribute(this.name, !!e && e !== T);
	}
}, Ae = class extends De {
	constructor(e, t, n, r, i) {
		super(e, t, n, r, i), this.type = 5;
	}
	_$AI(e, t = this) {
		if ((e = D(this, e, t, 0) ?? T) === w) return;
		let n = this._$AH, r = e === T && n !== T || e.capture !== n.capture || e.once !== n.once || e.passive !== n.passive, i = e !== T && (n === T || r);
		r && this.element.removeEventListener(this.name, this, n), i && this.element.addEventListener(this.name, this, e), this._$AH = e;
	}
	handleEvent(e) {
		typeof this._$AH == "function" ? this._$AH.call(this.options?.host ?? this.element, e) : this._$AH.handleEvent(e);
	}
}, je = class {
	constructor(e, t, n) {
		this.element = e, this.type = 6, this._$AN = void 0, this._$AM = t, this.options = n;
	}
	get _$AU() {
		return this._$AM._$AU;
	}
	_$AI(e) {
		D(this, e);
	}
}, Me = se.litHtmlPolyfillSupport;
Me?.(we, Ee), (se.litHtmlVersions ??= []).push("3.3.3");
var Ne = (e, t, n) => {
	let r = n?.renderBefore ?? t, i = r._$litPart$;
	if (i === void 0) {
		let e = n?.renderBefore ?? null;
		r._$litPart$ = i = new Ee(t.insertBefore(y(), e), e, void 0, n ?? {});
	}
	return i._$AI(e), i;
}, Pe = globalThis, O = class extends h {
	constructor() {
		super(...arguments), this.renderOptions = { host: this }, this._$Do = void 0;
	}
	createRenderRoot() {
		let e = super.createRenderRoot();
		return this.renderOptions.renderBefore ??= e.firstChild, e;
	}
	update(e) {
		let t = this.render();
		this.hasUpdated || (this.renderOptions.isConnected = this.isConnected), super.update(e), this._$Do = Ne(t, this.renderRoot, this.renderOptions);
	}
	connectedCallback() {
		super.connectedCallback(), this._$Do?.setConnected(!0);
	}
	disconnectedCallback() {
		super.disconnectedCallback(), this._$Do?.setConnected(!1);
	}
	render() {
		return w;
	}
};
O._$litElement$ = !0, O.finalized = !0, Pe.litElementHydrateSupport?.({ LitElement: O });
var Fe = Pe.litElementPolyfillSupport;
Fe?.({ LitElement: O }), (Pe.litElementVersions ??= []).push("4.2.2");
// src/contract/gift-fields.ts
var k = {
	imisId: 10,
	nameTitle: 25,
	firstName: 20,
	middleName: 20,
	maidenName: 30,
	lastName: 30,
	nameSuffix: 10,
	company: 80,
	address: 40,
	city: 40,
	state: 15,
	zipCode: 10,
	emailAddress: 100,
	phone: 25,
	notes: 255,
	distribution: 30,
	campaignCode: 10,
	appealCode: 40,
	softCreditId: 10,
	transactionId: 255
}, A = {
	imisId: "iMIS ID",
	amount: "Amount",
	financialAccountId: "Financial account ID",
	nameTitle: "Title",
	firstName: "First name",
	middleName: "Middle name",
	maidenName: "Maiden name",
	lastName: "Last name",
	nameSuffix: "Suffix",
	company: "Company",
	address: "Address",
	city: "City",
	state: "State",
	zipCode: "ZIP code",
	emailAddress: "Email",
	phone: "Phone",
	notes: "Notes",
	distribution: "Fund",
	campaignCode: "Campaign",
	appealCode: "Appeal",
	softCreditId: "Soft credit iMIS ID",
	receivedDate: "Received date",
	transactionId: "Transaction ID"
};
function Ie(e, t = k[e]) {
	return `${A[e]} must be ${t} characters or fewer`;
}
// node_modules/zod/v4/core/util.js
function Le(e, t) {
	return typeof t == "bigint" ? t.toString() : t;
}
var Re = class {
	constructor(e) {
		this._getter = e, this._value = void 0;
	}
	get value() {
		let e = this._getter;
		return e !== void 0 && (this._value = e(), this._getter = void 0), this._value;
	}
};
function ze(e) {
	return new Re(e);
}
function Be(e) {
	return e == null;
}
function Ve(e) {
	let t = +!!e.startsWith("^"), n = e.endsWith("$") ? e.length - 1 : e.length;
	return e.slice(t, n);
}
function He(e, t, n) {
	Object.defineProperty(e, t, {
		value: n,
		writable: !0,
		enumerable: !0,
		configurable: !0
	});
}
var Ue = "captureStackTrace" in Error ? Error.captureStackTrace : (...e) => {};
function We(e) {
	return typeof e == "object" && !!e && !Array.isArray(e);
}
function Ge(e, t, n) {
	let r = new e._zod.constr(t ?? e._zod.def);
	return (!t || n?.parent) && (r._zod.parent = e), r;
}
function j(e) {
	let t = e;
	if (!t) return {};
	if (typeof t == "string") return { error: () => t };
	if (t?.message !== void 0) {
		if (t?.error !== void 0) throw Error("Cannot specify both `message` and `error` params");
		t.error = t.message;
	}
	return delete t.message, typeof t.error == "string" ? {
		...t,
		error: () => t.error
	} : t;
}
function Ke(e) {
	return Object.keys(e).filter((t) => e[t]._zod.optin !== void 0 && e[t]._zod.optout === "optional");
}
function M(e, t = 0) {
	if (e.aborted === !0) return !0;
	for (let n = t; n < e.issues.length; n++) if (e.issues[n]?.continue !== !0) return !0;
	return !1;
}
function qe(e, t = 0) {
	if (e.aborted === !0) return !0;
	for (let n = t; n < e.issues.length; n++) if (e.issues[n]?.continue === !1) return !0;
	return !1;
}
function Je(e, t) {
	return t.map((t) => {
		var n;
		return (n = t).path ?? (n.path = []), t.path.unshift(e), t;
	});
}
function N(e) {
	return typeof e == "string" ? e : e?.message;
}
function Ye(e, t, n) {
	var r;
	for (let i = t; i < e.length; i++) (r = e[i]).schema ?? (r.schema = n);
}
function P(e, t, n) {
	var r;
	let i = e.inst?._zod?.traits;
	i?.has("$ZodType") && (i.has("$ZodCheck") ? (r = e).schema ?? (r.schema = e.inst) : e.schema = e.inst);
	let a = e.schema === e.inst ? void 0 : e.schema?._zod.def?.error, o = e.message ? e.message : N(e.inst?._zod.def?.error?.(e)) ?? N(a?.(e)) ?? N(t?.error?.(e)) ?? N(n.customError?.(e)) ?? N(n.localeError?.(e)) ?? "Invalid input", s = {};
	for (let t of Object.keys(e)) t !== "inst" && t !== "schema" && t !== "continue" && t !== "input" && t !== "__proto__" && (s[t] = e[t]);
	return s.path ??= [], s.message = o, t?.reportInput && (s.input = e.input), s;
}
var Xe = /[\uD800-\uDBFF]/;
function Ze(e) {
	let t = e.length;
	if (!Xe.test(e)) return t;
	let n = t;
	for (let r = 0; r < t - 1; r++) (e.charCodeAt(r) & 64512) == 55296 && (e.charCodeAt(r + 1) & 64512) == 56320 && (n--, r++);
	return n;
}
function Qe(e) {
	return Array.isArray(e) ? "array" : typeof e == "string" ? "string" : "unknown";
}
function $e(...e) {
	let [t, n, r] = e;
	return typeof t == "string" ? {
		message: t,
		code: "custom",
		input: n,
		inst: r
	} : { ...t };
}
function et(e, t) {
	for (let n in t) {
		let r = Object.getOwnPropertyDescriptor(t, n);
		r.get ? Object.defineProperty(e, n, {
			...r,
			enumerable: !1
		}) : nt(e, n, r.value);
	}
}
function F(e, t, n, r = !0) {
	return Object.defineProperty(e, t, {
		configurable: !0,
		writable: !0,
		enumerable: r,
		value: n
	}), n;
}
function tt(e, t, n) {
	return F(e, t, n, !1);
}
function nt(e, t, n) {
	Object.defineProperty(e, t, {
		configurable: !0,
		get() {
			return this == null ? n : F(this, t, n.bind(this));
		},
		set(e) {
			F(this, t, e);
		}
	});
}
function rt(e, t) {
	let n = Object.getPrototypeOf(e);
	return t in n ? void 0 : n;
}
var it, I = !1, at = {
	configurable: !0,
	get() {
		I = !0;
	}
};
function L(e, t, n) {
	let r = Object.getPrototypeOf(e._zod);
	t in r && it !== e._zod ? it = void 0 : (it = e._zod, Object.defineProperty(r, t, {
		configurable: !0,
		get() {
			Object.defineProperty(this, t, at);
			let e = I;
			I = !1;
			try {
				let r = n(this);
				return I ? delete this[t] : Object.defineProperty(this, t, {
					configurable: !0,
					writable: !0,
					value: r
				}), I ||= e, r;
			} catch (n) {
				throw delete this[t], I ||= e, n;
			}
		},
		set(e) {
			Object.defineProperty(this, t, {
				configurable: !0,
				writable: !0,
				value: e
			});
		}
	}));
}
function ot(e, t, n, r) {
	let i = rt(e, t);
	i && Object.defineProperty(i, t, {
		configurable: !0,
		get() {
			let e = {
				configurable: !0,
				writable: !0,
				enumerable: r,
				value: void 0
			};
			return Object.defineProperty(this, t, e), e.value = n(this), Object.defineProperty(this, t, e), e.value;
		},
		set(e) {
			Object.defineProperty(this, t, {
				configurable: !0,
				writable: !0,
				enumerable: r,
				value: e
			});
		}
	});
}
// node_modules/zod/v4/core/core.js
var st, ct = {
	value: void 0,
	enumerable: !1
}, lt = "captureStackTrace" in Error ? Error : null;
function ut(e) {
	let t = lt;
	if (t) {
		let n = t.stackTraceLimit;
		if (typeof n == "number") {
			try {
				t.stackTraceLimit = 0;
			} catch {
				return lt = null, new e();
			}
			try {
				return new e();
			} finally {
				t.stackTraceLimit = n;
			}
		}
	}
	return new e();
}
/* @__NO_SIDE_EFFECTS__ */
function R(e, t, n, r) {
	let i = {};
	function a(e) {
		this.def = e, this.constr = d, this.traits = /* @__PURE__ */ new Set();
	}
	a.prototype = i;
	let o = n, s = o && /* @__PURE__ */ new WeakSet();
	function c(n, r) {
		if (!n._zod) {
			ct.value = new a(r);
			try {
				Object.defineProperty(n, "_zod", ct);
			} finally {
				ct.value = void 0;
			}
		} else if (n._zod.traits.has(e)) return;
		if (n._zod.traits.add(e), t(n, r), s) {
			let e = Object.getPrototypeOf(n), t = n._zod.constr.prototype, r = e;
			for (; r && r !== t;) r = Object.getPrototypeOf(r);
			let i = r ?? e;
			s.has(i) || (s.add(i), et(i, o));
		}
		let i = d.prototype;
		for (let e in i) Object.prototype.hasOwnProperty.call(i, e) && (e in n || (n[e] = i[e].bind(n)));
	}
	let l = r?.Parent ?? Object;
	class u extends l {}
	Object.defineProperty(u, "name", { value: e });
	function d(e) {
		let t = r?.Parent ? ut(u) : this;
		c(t, e);
		let n = t._zod.deferred;
		if (n) {
			for (let e of n) e();
			t._zod.deferred = void 0;
		}
		let i = globalThis.__zod_globalConfig?.postProcessor;
		return i && i(t), t;
	}
	return Object.defineProperty(d, "init", { value: c }), Object.defineProperty(d, Symbol.hasInstance, { value: (t) => r?.Parent && t instanceof r.Parent ? !0 : t?._zod?.traits?.has(e) }), Object.defineProperty(d, "name", { value: e }), d;
}
var z = class extends Error {
	constructor() {
		super("Encountered Promise during synchronous parse. Use .parseAsync() instead.");
	}
};
(st = globalThis).__zod_globalConfig ?? (st.__zod_globalConfig = {});
var dt = globalThis.__zod_globalConfig;
function B(e) {
	return e && Object.assign(dt, e), dt;
}
// node_modules/zod/v4/core/errors.js
function ft() {
	let e = this._zod;
	return e.message ??= JSON.stringify(e.def, Le, 2), e.message;
}
function pt(e) {
	this._zod.message = e;
}
var mt = {
	get: ft,
	set: pt,
	enumerable: !0,
	configurable: !0
}, ht = {
	value: void 0,
	enumerable: !1
}, gt = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]), V = /* @__PURE__ */ R("$ZodError", (e, t) => {
	e.name = "$ZodError", ht.value = t, Object.defineProperty(e, "issues", ht), ht.value = void 0, Object.defineProperty(e, "message", mt);
	let n = Object.getPrototypeOf(e);
	gt.has(n) || (gt.add(n), Object.defineProperty(n, "toString", {
		configurable: !0,
		enumerable: !1,
		get() {
			let e = () => this.message;
			return Object.defineProperty(this, "toString", {
				value: e,
				configurable: !0,
				writable: !0
			}), e;
		},
		set(e) {
			Object.defineProperty(this, "toString", {
				value: e,
				configurable: !0,
				writable: !0
			});
		}
	}));
}, void 0, { Parent: Error }), _t = /* @__PURE__*/ ((e) => {
	let t = (n, r, i, a) => {
		let o = i ? {
			...i,
			async: !1
		} : { async: !1 }, s = n._zod.run({
			value: r,
			issues: []
		}, o);
		if (s instanceof Promise) throw new z();
		if (s.issues.length) {
			let n = new ((a?.Err) ?? e)(s.issues.map((e) => P(e, o, B())));
			throw Ue(n, a?.callee ?? t), n;
		}
		return s.value;
	};
	return t;
})(V), vt = /* @__PURE__*/ ((e) => {
	let t = async (n, r, i, a) => {
		let o = i ? {
			...i,
			async: !0
		} : { async: !0 }, s = n._zod.run({
			value: r,
			issues: []
		}, o);
		if (s instanceof Promise && (s = await s), s.issues.length) {
			let n = new ((a?.Err) ?? e)(s.issues.map((e) => P(e, o, B())));
			throw Ue(n, a?.callee ?? t), n;
		}
		return s.value;
	};
	return t;
})(V), yt = /* @__PURE__*/ ((e) => (t, n, r) => {
	let i = r ? {
		...r,
		async: !1
	} : { async: !1 }, a = t._zod.run({
		value: n,
		issues: []
	}, i);
	if (a instanceof Promise) throw new z();
	return a.issues.length ? bt(e, a.issues, i) : {
		success: !0,
		data: a.value
	};
})(V);
function bt(e, t, n) {
	let r;
	return {
		success: !1,
		get error() {
			return r || (r = new e(t.map((e) => P(e, n, B()))), t = void 0, n = void 0), r;
		},
		set error(e) {
			r = e, t = void 0, n = void 0;
		}
	};
}
var xt = /* @__PURE__*/ ((e) => async (t, n, r) => {
	let i = r ? {
		...r,
		async: !0
	} : { async: !0 }, a = t._zod.run({
		value: n,
		issues: []
	}, i);
	return a instanceof Promise && (a = await a), a.issues.length ? bt(e, a.issues, i) : {
		success: !0,
		data: a.value
	};
})(V), St = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/, Ct = "(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))";
function wt(e) {
	let t = "(?:[01]\\d|2[0-3]):[0-5]\\d";
	return typeof e.precision == "number" ? e.precision === -1 ? `${t}` : e.precision === 0 ? `${t}:[0-5]\\d` : `${t}:[0-5]\\d\\.\\d{${e.precision}}` : e.seconds ? `${t}:[0-5]\\d(?:\\.\\d+)?` : `${t}(?::[0-5]\\d(?:\\.\\d+)?)?`;
}
function Tt(e) {
	let t = ["Z"];
	e.offset && t.push("([+-](?:[01]\\d|2[0-3]):[0-5]\\d)");
	let n = `${wt({
		precision: e.precision,
		seconds: !0
	})}(?:${t.join("|")})`, r = e.local ? `${n}|${wt({ precision: e.precision })}` : n;
	return RegExp(`^${Ct}T(?:${r})$`);
}
var Et = /^[\s\S]{0,}$/, Dt = /^-?\d+(?:\.\d+)?$/, H = /*@__PURE__*/ R("$ZodCheck", (e, t) => {
	var n;
	e._zod ??= {}, e._zod.def = t, (n = e._zod).onattach ?? (n.onattach = []);
}), Ot = (e) => {
	let t = e.value;
	return !Be(t) && t.length !== void 0;
}, U = {
	number: "number",
	bigint: "bigint",
	object: "date"
}, kt = /*@__PURE__*/ R("$ZodCheckLessThan", (e, t) => {
	H.init(e, t);
	let n = U[typeof t.value];
	e._zod.check = (r) => {
		(t.inclusive ? r.value <= t.value : r.value < t.value) || r.issues.push({
			origin: U[typeof r.value] ?? n,
			code: "too_big",
			maximum: typeof t.value == "object" ? t.value.getTime() : t.value,
			input: r.value,
			inclusive: t.inclusive,
			inst: e,
			continue: !t.abort
		});
	};
}), At = /*@__PURE__*/ R("$ZodCheckGreaterThan", (e, t) => {
	H.init(e, t);
	let n = U[typeof t.value];
	e._zod.check = (r) => {
		(t.inclusive ? r.value >= t.value : r.value > t.value) || r.issues.push({
			origin: U[typeof r.value] ?? n,
			code: "too_small",
			minimum: typeof t.value == "object" ? t.value.getTime() : t.value,
			input: r.value,
			inclusive: t.inclusive,
			inst: e,
			continue: !t.abort
		});
	};
}), jt = /*@__PURE__*/ R("$ZodCheckMaxLength", (e, t) => {
	var n;
	H.init(e, t), (n = e._zod.def).when ?? (n.when = Ot), e._zod.check = (n) => {
		let r = n.value, i = r.length;
		if ((typeof r == "string" && i > t.maximum ? Ze(r) : i) <= t.maximum) return;
		let a = Qe(r);
		n.issues.push({
			origin: a,
			code: "too_big",
			maximum: t.maximum,
			inclusive: !0,
			input: r,
			inst: e,
			continue: !t.abort
		});
	};
}), Mt = /*@__PURE__*/ R("$ZodCheckMinLength", (e, t) => {
	var n;
	H.init(e, t), (n = e._zod.def).when ?? (n.when = Ot), e._zod.check = (n) => {
		let r = n.value, i = r.length;
		if ((typeof r == "string" && i >= t.minimum && i < t.minimum * 2 ? Ze(r) : i) >= t.minimum) return;
		let a = Qe(r);
		n.issues.push({
			origin: a,
			code: "too_small",
			minimum: t.minimum,
			inclusive: !0,
			input: r,
			inst: e,
			continue: !t.abort
		});
	};
}), Nt = /*@__PURE__*/ R("$ZodCheckStringFormat", (e, t) => {
	var n, r;
	H.init(e, t), t.pattern ? (n = e._zod).check ?? (n.check = (n) => {
		t.pattern.lastIndex = 0, t.pattern.test(n.value) || n.issues.push({
			origin: "string",
			code: "invalid_format",
			format: t.format,
			input: n.value,
			...t.pattern ? { pattern: t.pattern.toString() } : {},
			inst: e,
			continue: !t.abort
		});
	}) : (r = e._zod).check ?? (r.check = () => {});
}), Pt = /*@__PURE__*/ R("$ZodCheckRegex", (e, t) => {
	Nt.init(e, t), e._zod.check = (n) => {
		t.pattern.lastIndex = 0, t.pattern.test(n.value) || n.issues.push({
			origin: "string",
			code: "invalid_format",
			format: "regex",
			input: n.value,
			pattern: t.pattern.toString(),
			inst: e,
			continue: !t.abort
		});
	};
}), Ft = /*@__PURE__*/ R("$ZodCheckOverwrite", (e, t) => {
	H.init(e, t), e._zod.check = (e) => {
		e.value = t.tx(e.value);
	};
}), It = {
	major: 4,
	minor: 6,
	patch: 7
}, W = /*@__PURE__*/ R("$ZodType", (e, t) => {
	var n;
	e ??= {}, e._zod.def = t, e._zod.bag = e._zod.bag || {}, e._zod.version = It;
	let r = e._zod.def.checks, i = e._zod.traits.has("$ZodCheck") ? [e, ...r ?? []] : r?.length ? [...r] : [];
	for (let t of i) for (let n of t._zod.onattach) n(e);
	if (i.length === 0) (n = e._zod).deferred ?? (n.deferred = []), e._zod.deferred?.push(() => {
		e._zod.run = e._zod.parse;
	});
	else {
		let t = (t, n, r) => {
			if (t.memo) return t;
			let i = M(t), a;
			for (let o of n) {
				if (o._zod.def.when) {
					if (qe(t) || !o._zod.def.when(t)) continue;
				} else if (i) continue;
				let n = t.issues.length, s = o._zod.check(t);
				if (s instanceof Promise && r?.async === !1) throw new z();
				if (a || s instanceof Promise) a = (a ?? Promise.resolve()).then(async () => {
					await s, t.issues.length !== n && (Ye(t.issues, n, e), i ||= M(t, n));
				});
				else {
					if (t.issues.length === n) continue;
					Ye(t.issues, n, e), i ||= M(t, n);
				}
			}
			return a ? a.then(() => t) : t;
		}, n = (n, r, a) => {
			if (M(n)) return n.aborted = !0, n;
			let o = t(r, i, a);
			if (o instanceof Promise) {
				if (a.async === !1) throw new z();
				return o.then((t) => e._zod.parse(t, a));
			}
			return e._zod.parse(o, a);
		};
		e._zod.run = (r, a) => {
			if (a.skipChecks) return e._zod.parse(r, a);
			if (a.direction === "backward") {
				let t = e._zod.parse({
					value: r.value,
					issues: []
				}, {
					...a,
					skipChecks: !0
				});
				return t instanceof Promise ? t.then((e) => n(e, r, a)) : n(t, r, a);
			}
			let o = e._zod.parse(r, a);
			if (o instanceof Promise) {
				if (a.async === !1) throw new z();
				return o.then((e) => t(e, i, a));
			}
			return t(o, i, a);
		};
	}
}, {
	get "~standard"() {
		return tt(this, "~standard", zt(this));
	},
	set "~standard"(e) {
		F(this, "~standard", e);
	}
}), Lt = (e, t) => e.issues.length ? { issues: e.issues.map((e) => P(e, t, B())) } : { value: e.value };
async function Rt(e, t) {
	let n = { async: !0 };
	return Lt(await e._zod.run({
		value: t,
		issues: []
	}, n), n);
}
function zt(e) {
	return {
		validate: (t) => {
			let n = { async: !1 };
			try {
				let r = e._zod.run({
					value: t,
					issues: []
				}, n);
				if (!(r instanceof Promise)) return Lt(r, n);
			} catch {}
			return Rt(e, t);
		},
		vendor: "zod",
		version: 1
	};
}
var Bt = /*@__PURE__*/ R("$ZodString", (e, t) => {
	W.init(e, t), e._zod.pattern = t.pattern ?? Et, e._zod.parse = (n, r) => {
		if (t.coerce) try {
			n.value = String(n.value);
		} catch {}
		return typeof n.value == "string" || n.issues.push({
			expected: "string",
			code: "invalid_type",
			input: n.value,
			inst: e
		}), n;
	};
}), Vt = /*@__PURE__*/ R("$ZodStringFormat", (e, t) => {
	Nt.init(e, t), Bt.init(e, t);
}), Ht = /*@__PURE__*/ R("$ZodISODateTime", (e, t) => {
	t.pattern ??= Tt(t), Vt.init(e, t);
}), Ut = /*@__PURE__*/ R("$ZodNumber", (e, t) => {
	W.init(e, t), e._zod.pattern = Dt, e._zod.parse = (n, r) => {
		if (t.coerce) try {
			n.value = Number(n.value);
		} catch {}
		let i = n.value;
		if (typeof i == "number" && !Number.isNaN(i) && Number.isFinite(i)) return n;
		let a = typeof i == "number" ? Number.isNaN(i) ? "NaN" : Number.isFinite(i) ? void 0 : String(i) : void 0;
		return n.issues.push({
			expected: "number",
			code: "invalid_type",
			input: i,
			inst: e,
			...a ? { received: a } : {}
		}), n;
	};
}), Wt = /*@__PURE__*/ R("$ZodNever", (e, t) => {
	W.init(e, t), e._zod.parse = (t, n) => (t.issues.push({
		expected: "never",
		code: "invalid_type",
		input: t.value,
		inst: e
	}), t);
});
function G(e, t, n, r, i, a) {
	let o = n in r, s = a === "optional";
	if (o || !s || i !== "optional") {
		if (e.issues.length) {
			if (i !== void 0 && s && !o) return;
			t.issues.push(...Je(n, e.issues));
		}
		!o && i === void 0 ? e.issues.length || t.issues.push({
			code: "invalid_type",
			expected: "nonoptional",
			input: void 0,
			path: [n]
		}) : e.value === void 0 ? (o || i === "defaulted" && !s) && (t.value[n] = void 0) : t.value[n] = e.value;
	}
}
var Gt = [];
function Kt(e) {
	let t = Object.keys(e.shape), n = Object.getOwnPropertySymbols(e.shape), r = n.length ? n : Gt, i = r.length ? [...t, ...r] : t;
	for (let t of i) if (!e.shape?.[t]?._zod?.traits?.has("$ZodType")) throw Error(`Invalid element at key "${String(t)}": expected a Zod schema`);
	let a = Ke(e.shape);
	return {
		...e,
		allKeys: i,
		symbolKeys: r,
		keySet: new Set(t),
		numKeys: t.length,
		optionalKeys: new Set(a)
	};
}
function qt(e, t, n, r, i, a, o) {
	let s = [], c = i.keySet, l = i.catchall._zod, u = l.def.type, d = l.optin, f = l.optout, p = 0;
	for (let i in t) {
		if (o && n.issues.length !== p) {
			if (M(n, p)) break;
			p = n.issues.length;
		}
		if (c.has(i)) continue;
		if (i === "__proto__") {
			u === "never" && s.push(i);
			continue;
		}
		if (u === "never") {
			s.push(i);
			continue;
		}
		let a = l.run({
			value: t[i],
			issues: []
		}, r);
		a instanceof Promise ? e.push(a.then((e) => G(e, n, i, t, d, f))) : G(a, n, i, t, d, f);
	}
	return s.length && n.issues.push({
		code: "unrecognized_keys",
		keys: s,
		input: t,
		inst: a,
		continue: !0
	}), e.length ? Promise.all(e).then(() => n) : n;
}
var Jt = /*@__PURE__*/ R("$ZodObject", (e, t) => {
	W.init(e, t);
	let n = Object.getOwnPropertyDescriptor(t, "shape"), r = n?.get ? n.get.raw : t.shape ?? {};
	if (r) {
		let e = () => {
			let n = { ...r };
			return Object.defineProperty(t, "shape", { value: n }), e.raw = n, n;
		};
		e.raw = r, Object.defineProperty(t, "shape", { get: e });
	}
	let i = ze(() => Kt(t));
	L(e, "propValues", (e) => {
		let t = e.def.shape, n = {};
		for (let e in t) {
			let r = t[e]._zod;
			if (r.values) {
				Object.prototype.hasOwnProperty.call(n, e) || He(n, e, /* @__PURE__ */ new Set());
				for (let t of r.values) n[e].add(t);
				r.optin !== void 0 && n[e].add(void 0);
			}
		}
		return n;
	});
	let a = We, o = t.catchall, s, c = dt.memoizer;
	c?.attach(e), e._zod.parse = (t, n) => {
		s ??= i.value;
		let r = t.value;
		if (!a(r)) return t.issues.push({
			expected: "object",
			code: "invalid_type",
			input: r,
			inst: e
		}), t;
		t.value = c ? c.alloc(e, t, {}, n) : {};
		let l = [], u = s.shape, d = n?.abortEarly, f = t.issues.length;
		for (let e of s.allKeys) {
			if (d && t.issues.length !== f) {
				if (M(t, f)) break;
				f = t.issues.length;
			}
			if (e === "__proto__") continue;
			let i = u[e], a = i._zod.optin, o = i._zod.optout, s = i._zod.run({
				value: r[e],
				issues: []
			}, n);
			s instanceof Promise ? l.push(s.then((n) => G(n, t, e, r, a, o))) : G(s, t, e, r, a, o);
		}
		return o ? qt(l, r, t, n, i.value, e, d === !0) : l.length ? Promise.all(l).then(() => t) : t;
	};
});
function Yt(e, t) {
	return e.value = t.issues.length ? void 0 : t.value, e;
}
var Xt = /*@__PURE__*/ R("$ZodOptional", (e, t) => {
	W.init(e, t), L(e, "optin", (e) => e.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional"), e._zod.optout = "optional", L(e, "values", (e) => {
		let t = e.def.innerType._zod.values;
		return t ? /* @__PURE__ */ new Set([...t, void 0]) : void 0;
	}), L(e, "pattern", (e) => {
		let t = e.def.innerType._zod.pattern;
		return t ? RegExp(`^(${Ve(t.source)})?$`) : void 0;
	}), e._zod.parse = (e, n) => {
		if (e.value === void 0) {
			if (t.innerType._zod.optin !== "defaulted") return e;
			let r = t.innerType._zod.run({
				value: e.value,
				issues: []
			}, n);
			return r instanceof Promise ? r.then((t) => Yt(e, t)) : Yt(e, r);
		}
		return t.innerType._zod.run(e, n);
	};
}), Zt = /*@__PURE__*/ R("$ZodCustom", (e, t) => {
	H.init(e, t), W.init(e, t), e._zod.parse = (e, t) => e, e._zod.check = (n) => {
		let r = n.value, i = t.fn(r);
		if (i instanceof Promise) return i.then((t) => Qt(t, n, r, e));
		Qt(i, n, r, e);
	};
});
function Qt(e, t, n, r) {
	if (!e) {
		let e = {
			code: "custom",
			input: n,
			inst: r,
			path: [...r._zod.def.path ?? []],
			continue: !r._zod.def.abort
		};
		r._zod.def.params && (e.params = r._zod.def.params), t.issues.push($e(e));
	}
}
// node_modules/zod/v4/core/api.js
function $t(e) {
	return e.checks &&= [...e.checks], e;
}
// @__NO_SIDE_EFFECTS__
function en(e, t) {
	return new e($t({
		type: "string",
		...j(t)
	}));
}
// @__NO_SIDE_EFFECTS__
function tn(e, t) {
	return new e({
		type: "string",
		format: "datetime",
		check: "string_format",
		offset: !1,
		local: !1,
		precision: null,
		...j(t)
	});
}
// @__NO_SIDE_EFFECTS__
function nn(e, t) {
	return new e($t({
		type: "number",
		checks: [],
		...j(t)
	}));
}
// @__NO_SIDE_EFFECTS__
function rn(e, t) {
	return new e({
		type: "never",
		...j(t)
	});
}
// @__NO_SIDE_EFFECTS__
function an(e, t) {
	return new kt({
		check: "less_than",
		...j(t),
		value: e,
		inclusive: !0
	});
}
// @__NO_SIDE_EFFECTS__
function on(e, t) {
	return new At({
		check: "greater_than",
		...j(t),
		value: e,
		inclusive: !1
	});
}
// @__NO_SIDE_EFFECTS__
function sn(e, t) {
	return new jt({
		check: "max_length",
		...j(t),
		maximum: e
	});
}
// @__NO_SIDE_EFFECTS__
function cn(e, t) {
	return new Mt({
		check: "min_length",
		...j(t),
		minimum: e
	});
}
// @__NO_SIDE_EFFECTS__
function K(e, t) {
	return new Pt({
		check: "string_format",
		format: "regex",
		...j(t),
		pattern: e
	});
}
// @__NO_SIDE_EFFECTS__
function ln(e) {
	return new Ft({
		check: "overwrite",
		tx: e
	});
}
// @__NO_SIDE_EFFECTS__
function un() {
	return /* @__PURE__ */ ln((e) => e.trim());
}
// @__NO_SIDE_EFFECTS__
function dn(e, t, n) {
	return new e({
		type: "custom",
		check: "custom",
		fn: t,
		...j(n)
	});
}
// @__NO_SIDE_EFFECTS__
function fn(e, t) {
	let n = /* @__PURE__ */ pn((t) => (t.addIssue = (e) => {
		if (typeof e == "string") t.issues.push($e(e, t.value, n._zod.def));
		else {
			let r = e;
			r.fatal && (r.continue = !1), r.code ??= "custom", "input" in r || (r.input = t.value), r.inst ??= n, r.continue ??= !n._zod.def.abort, t.issues.push($e(r));
		}
	}, e(t.value, t)), t);
	return n;
}
// @__NO_SIDE_EFFECTS__
function pn(e, t) {
	let n = new H({
		check: "custom",
		...j(t)
	});
	return n._zod.check = e, n;
}
// node_modules/zod/v4/mini/schemas.js
var q = /*@__PURE__*/ R("ZodMiniType", (e, t) => {
	if (!e._zod) throw Error("Uninitialized schema in ZodMiniType.");
	W.init(e, t), e.def = t, e.type = t.type;
}, {
	get with() {
		return this.check;
	},
	set with(e) {
		F(this, "with", e);
	},
	parse(e, t) {
		return _t(this, e, t, { callee: this.parse });
	},
	parseAsync(e, t) {
		return vt(this, e, t, { callee: this.parseAsync });
	},
	safeParse(e, t) {
		return yt(this, e, t);
	},
	safeParseAsync(e, t) {
		return xt(this, e, t);
	},
	check(...e) {
		let t = this.def;
		return this.clone({
			...t,
			checks: [...t.checks ?? [], ...e.map((e) => typeof e == "function" ? { _zod: {
				check: e,
				def: { check: "custom" },
				onattach: []
			} } : e)]
		}, { parent: !0 });
	},
	clone(e, t) {
		return Ge(this, e, t);
	},
	brand() {
		return this;
	},
	register(e, t) {
		return e.add(this, t), this;
	},
	apply(e, ...t) {
		return t.length === 0 ? e(this) : e(this, ...t);
	}
}), mn = /*@__PURE__*/ R("ZodMiniString", (e, t) => {
	Bt.init(e, t), q.init(e, t);
});
// @__NO_SIDE_EFFECTS__
function hn(e) {
	return /* @__PURE__ */ en(mn, e);
}
var gn = /*@__PURE__*/ R("ZodMiniStringFormat", (e, t) => {
	Vt.init(e, t), mn.init(e, t);
}), _n = /*@__PURE__*/ R("ZodMiniNumber", (e, t) => {
	Ut.init(e, t), q.init(e, t);
});
// @__NO_SIDE_EFFECTS__
function vn(e) {
	return /* @__PURE__ */ nn(_n, e);
}
var yn = /*@__PURE__*/ R("ZodMiniNever", (e, t) => {
	Wt.init(e, t), q.init(e, t);
});
// @__NO_SIDE_EFFECTS__
function bn(e) {
	return /* @__PURE__ */ rn(yn, e);
}
var xn = /*@__PURE__*/ R("ZodMiniObject", (e, t) => {
	Jt.init(e, t), q.init(e, t), ot(e, "shape", (e) => e._zod.def.shape, !1);
});
// @__NO_SIDE_EFFECTS__
function Sn(e, t) {
	return new xn({
		type: "object",
		shape: e,
		catchall: /* @__PURE__ */ bn(),
		...j(t)
	});
}
var Cn = /*@__PURE__*/ R("ZodMiniOptional", (e, t) => {
	Xt.init(e, t), q.init(e, t);
});
// @__NO_SIDE_EFFECTS__
function wn(e) {
	return new Cn({
		type: "optional",
		innerType: e
	});
}
var Tn = /*@__PURE__*/ R("ZodMiniCustom", (e, t) => {
	Zt.init(e, t), q.init(e, t);
});
// @__NO_SIDE_EFFECTS__
function En(e, t = {}) {
	return /* @__PURE__ */ dn(Tn, e, t);
}
// @__NO_SIDE_EFFECTS__
function Dn(e, t) {
	return /* @__PURE__ */ fn(e, t);
}
// node_modules/zod/v4/mini/iso.js
var On = /*@__PURE__*/ R("ZodMiniISODateTime", (e, t) => {
	Ht.init(e, t), gn.init(e, t);
});
// @__NO_SIDE_EFFECTS__
function kn(e) {
	return /* @__PURE__ */ tn(On, e);
}
var An = /^[A-Za-z0-9]{8,16}$/, jn = /^[A-Za-z0-9]{0,6}$/, Mn = "Transaction ID must be 8 to 16 letters or digits", Nn = "Transaction ID prefix must be at most 6 letters or digits";
function Pn(e = "") {
	if (!jn.test(e)) throw RangeError(Nn);
	let t = 16 - e.length, n = "";
	for (; n.length < t;) {
		let r = crypto.getRandomValues(new Uint8Array(t * 2));
		for (let i of r) {
			if (i >= 250) continue;
			let r = i % 10;
			if ((e.length + n.length !== 0 || r !== 0) && (n += String(r), n.length === t)) break;
		}
	}
	return e + n;
}
// src/contract/gift-schema.ts
var Fn = 99999999.99, J = {
	amountType: "Enter the amount as a number, like 25.00",
	amountPositive: "Amount must be more than $0.00",
	amountCents: "Amount can have at most 2 decimal places (cents)",
	amountTooLarge: "Amount must be $99,999,999.99 or less",
	financialAccount: "Financial account ID must be a whole number greater than 0",
	contactRequired: "Enter the donor’s iMIS ID, or first and last name, or a company name",
	lastNameWithFirst: "Enter a last name as well as the first name, or an iMIS ID or company",
	firstNameWithLast: "Enter a first name as well as the last name, or an iMIS ID or company",
	fundRequired: "Choose a fund, or a campaign that is mapped to a fund",
	emailRequired: "Enter the donor’s email address",
	emailFormat: "Enter an email address in the form name@example.org",
	phoneCharacters: "Phone can only contain digits, spaces and + ( ) -",
	imisIdCharacters: (e) => `${A[e]} can only contain letters and digits`,
	receivedDate: "Received date must be a real date and time, like 2026-11-23T09:30:00",
	transactionIdRequired: "Transaction ID is missing",
	transactionId: Mn,
	unknownFields: (e) => `Unknown field${e.length > 1 ? "s" : ""}: ${e.join(", ")} (field names are case-sensitive)`
}, In = /^[0-9 +()\-]*$/, Ln = /^[A-Za-z0-9]*$/;
function Y(e, ...t) {
	return /* @__PURE__ */ wn((/* @__PURE__ */ hn(`${A[e]} must be text`)).check(/* @__PURE__ */ un(), /* @__PURE__ */ sn(k[e], Ie(e)), ...t));
}
function Rn(e) {
	return Y(e, /* @__PURE__ */ K(Ln, J.imisIdCharacters(e)));
}
function zn(e) {
	return Math.abs(e * 100 - Math.round(e * 100)) < 1e-6;
}
var Bn = {
	imisId: Rn("imisId"),
	amount: (/* @__PURE__ */ vn(J.amountType)).check(/* @__PURE__ */ on(0, J.amountPositive), /* @__PURE__ */ an(Fn, J.amountTooLarge), /* @__PURE__ */ En(zn, J.amountCents)),
	nameTitle: Y("nameTitle"),
	firstName: Y("firstName"),
	middleName: Y("middleName"),
	maidenName: Y("maidenName"),
	lastName: Y("lastName"),
	nameSuffix: Y("nameSuffix"),
	company: Y("company"),
	address: Y("address"),
	city: Y("city"),
	state: Y("state"),
	zipCode: Y("zipCode"),
	emailAddress: (/* @__PURE__ */ hn(J.emailRequired)).check(/* @__PURE__ */ un(), /* @__PURE__ */ cn(1, J.emailRequired), /* @__PURE__ */ sn(k.emailAddress, Ie("emailAddress")), /* @__PURE__ */ K(St, J.emailFormat)),
	phone: Y("phone", /* @__PURE__ */ K(In, J.phoneCharacters)),
	notes: Y("notes"),
	distribution: Y("distribution"),
	campaignCode: Y("campaignCode"),
	appealCode: Y("appealCode"),
	softCreditId: Rn("softCreditId"),
	receivedDate: /* @__PURE__ */ wn(/* @__PURE__ */ kn({
		local: !0,
		offset: !0,
		error: J.receivedDate
	})),
	transactionId: (/* @__PURE__ */ hn(J.transactionIdRequired)).check(/* @__PURE__ */ un(), /* @__PURE__ */ K(An, J.transactionId))
};
function X(e) {
	return typeof e == "string" && e.trim() !== "";
}
function Vn(e) {
	if (X(e.imisId) || X(e.company)) return;
	let t = X(e.firstName), n = X(e.lastName);
	if (!(t && n)) return t ? {
		field: "lastName",
		message: J.lastNameWithFirst
	} : n ? {
		field: "firstName",
		message: J.firstNameWithLast
	} : {
		field: "imisId",
		message: J.contactRequired
	};
}
function Hn(e) {
	return X(e.distribution) || X(e.campaignCode);
}
var Un = { when: () => !0 };
function Wn(e) {
	return e.check(/* @__PURE__ */ Dn((e, t) => {
		let n = Vn(e);
		n && t.issues.push({
			code: "custom",
			message: n.message,
			path: [n.field],
			input: e
		});
	}, Un), /* @__PURE__ */ En((e) => Hn(e), {
		message: J.fundRequired,
		path: ["distribution"],
		...Un
	}));
}
var Gn = Wn(/* @__PURE__ */ Sn(Bn, { error: (e) => e.code === "unrecognized_keys" ? J.unknownFields(e.keys) : void 0 }));
// src/contract/gift-summary.ts
function Kn(e) {
	return [e.firstName, e.lastName].filter(X).map((e) => e.trim()).join(" ") || (X(e.company) ? e.company.trim() : X(e.imisId) ? `iMIS ID ${e.imisId.trim()}` : "Unnamed donor");
}
var qn = new Intl.NumberFormat("en-US", {
	style: "currency",
	currency: "USD"
});
function Z(e) {
	return qn.format(e);
}
// styles/gift-entry.css?inline
var Jn = "gift-entry{font:inherit;color:inherit;--_gap:var(--gift-entry-gap,.75rem);--_border:var(--gift-entry-border-color,#767676);--_error:var(--gift-entry-error-color,#b3261e);display:block}gift-entry .visually-hidden{clip:rect(0 0 0 0);white-space:nowrap;border:0;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;position:absolute!important}gift-entry form{margin:0}gift-entry fieldset{border:1px solid var(--_border);margin:0 0 var(--_gap);padding:var(--_gap);border-radius:4px}gift-entry legend{padding:0 .25rem;font-weight:700}gift-entry .fields{gap:var(--_gap);grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));display:grid}gift-entry .PanelField{min-width:0;margin:0}gift-entry .PanelField.wide{grid-column:1/-1}gift-entry .PanelField>label{margin-bottom:.25rem;font-weight:700;display:block}gift-entry .PanelField>label.Required:after{content:\" *\";color:var(--_error)}gift-entry .PanelFieldValue input,gift-entry .PanelFieldValue select,gift-entry .PanelFieldValue textarea{font:inherit;box-sizing:border-box;border:1px solid var(--_border);background:var(--gift-entry-input-background,Field);max-width:100%;min-height:2rem;color:var(--gift-entry-input-color,FieldText);border-radius:3px;padding:.25rem .4rem}gift-entry .InputLarge{width:100%}gift-entry .InputMedium{width:100%;max-width:16rem}gift-entry .InputSmall{width:100%;max-width:9rem}gift-entry textarea{width:100%;min-height:4rem}gift-entry :is(input,select,textarea,button,a,[tabindex]):focus-visible{outline:3px solid var(--gift-entry-focus-color,#1a5fb4);outline-offset:2px}gift-entry .has-error :is(input,select,textarea){border:2px solid var(--_error)}gift-entry .Important{color:var(--_error);font-weight:700}gift-entry .field-error{margin:.15rem 0 .25rem}gift-entry .hint{margin-bottom:.25rem;font-size:.9em}gift-entry .group-hint{margin:0 0 var(--_gap)}gift-entry .amount-wrap{align-items:center;gap:.25rem;display:flex}gift-entry .carried-over{font-size:.9em;font-style:italic;font-weight:400}gift-entry .carried{border-style:dashed!important}gift-entry .AsiValidationSummary,gift-entry .AsiError,gift-entry .AsiSuccess,gift-entry .AsiWarning{border:2px solid var(--_border);margin:0 0 var(--_gap);border-left-width:6px;border-radius:3px;padding:.5rem .75rem}gift-entry .AsiError{border-color:var(--_error)}gift-entry .AsiSuccess{border-color:var(--gift-entry-success-color,#1e7e34)}gift-entry .AsiWarning{border-color:var(--gift-entry-warning-color,#8a5300)}gift-entry .error-summary-title{margin:0 0 .25rem;font-size:1.1em}gift-entry .error-summary ul{margin:0;padding-left:1.25rem}gift-entry .error-summary li+li{margin-top:.35rem}gift-entry .error-summary a{min-height:24px;color:var(--_error);font-weight:700;line-height:24px;display:inline-block}gift-entry .CommandBar{margin:var(--_gap) 0;flex-wrap:wrap;align-items:center;gap:.5rem;display:flex}gift-entry button{font:inherit;cursor:pointer;min-width:2rem;min-height:2rem}gift-entry button:disabled{cursor:progress}gift-entry progress{width:8rem}gift-entry .batch{margin-top:calc(var(--_gap) * 2)}gift-entry .batch h2{margin:0 0 .5rem;font-size:1.15em}gift-entry .batch-expected{gap:var(--_gap);margin-bottom:var(--_gap);flex-wrap:wrap;display:flex}gift-entry .batch-table{border-collapse:collapse;width:100%}gift-entry .batch-table :is(th,td){text-align:left;border-bottom:1px solid var(--_border);vertical-align:top;padding:.3rem .4rem}gift-entry .batch-table .amount{text-align:right;white-space:nowrap}gift-entry .status-rejected .status{color:var(--_error);font-weight:700}gift-entry .status-message{font-size:.9em}gift-entry .receipt code,gift-entry .batch-table code{font-size:.95em}", Yn;
function Xn() {
	Yn || (Yn = new CSSStyleSheet(), Yn.replaceSync(Jn), document.adoptedStyleSheets = [...document.adoptedStyleSheets, Yn]);
}
// src/widget/batch.ts
function Zn(e) {
	return {
		count: e.length,
		total: e.reduce((e, t) => e + Math.round(t.amount * 100), 0) / 100,
		rejected: e.filter((e) => e.status === "rejected").length
	};
}
function Qn(e, t, n) {
	return {
		count: t === void 0 ? void 0 : t - e.count,
		total: n === void 0 ? void 0 : Math.round(n * 100 - e.total * 100) / 100
	};
}
// src/contract/import-request.ts
function $n(e) {
	let t = (e, t = 2) => String(e).padStart(t, "0");
	return `${e.getFullYear()}-${t(e.getMonth() + 1)}-${t(e.getDate())}T${t(e.getHours())}:${t(e.getMinutes())}:${t(e.getSeconds())}.${t(e.getMilliseconds(), 3)}`;
}
// src/widget/gift-draft.ts
var Q = [
	"amount",
	"receivedDate",
	"distribution",
	"campaignCode",
	"appealCode",
	"imisId",
	"firstName",
	"lastName",
	"company",
	"nameTitle",
	"middleName",
	"maidenName",
	"nameSuffix",
	"emailAddress",
	"phone",
	"address",
	"city",
	"state",
	"zipCode",
	"softCreditId",
	"notes"
], er = [
	"receivedDate",
	"distribution",
	"campaignCode",
	"appealCode"
];
function tr(e = /* @__PURE__ */ new Date()) {
	return $n(e).slice(0, 10);
}
function nr(e = /* @__PURE__ */ new Date()) {
	let t = Object.fromEntries(Q.map((e) => [e, ""]));
	return t.receivedDate = tr(e), t;
}
function rr(e) {
	let t = e.replace(/[$,\s]/g, "");
	return /^\d*\.?\d+$|^\d+\.$/.test(t) ? Number(t) : NaN;
}
function ir(e) {
	let t = rr(e);
	return !Number.isFinite(t) || Math.round(t * 100) !== t * 100 ? e : t.toLocaleString("en-US", {
		minimumFractionDigits: 2,
		maximumFractionDigits: 2
	});
}
function ar(e, t, n = /* @__PURE__ */ new Date()) {
	let r = {
		transactionId: t,
		amount: rr(e.amount)
	};
	for (let t of Q) {
		if (t === "amount" || t === "receivedDate") continue;
		let n = e[t].trim();
		n !== "" && (r[t] = n);
	}
	let [i, a, o] = e.receivedDate.split("-").map(Number);
	return i && a && o && (r.receivedDate = $n(new Date(i, a - 1, o, n.getHours(), n.getMinutes(), n.getSeconds()))), r;
}
function or(e, t, n = /* @__PURE__ */ new Date()) {
	let r = yt(Gn, ar(e, t, n));
	if (r.success) return {
		submission: r.data,
		errors: {}
	};
	let i = {};
	for (let e of r.error.issues) {
		let t = e.path[0];
		t && i[t] === void 0 && (i[t] = e.message);
	}
	return { errors: i };
}
// src/widget/batch-panel.ts
var sr = {
	queued: "Queued",
	sending: "Sending",
	accepted: "Recorded",
	rejected: "Needs correcting",
	held: "Held"
}, cr = (e) => `${e} gift${Math.abs(e) === 1 ? "" : "s"}`;
function lr(e) {
	let t = Zn(e.entries), n = e.expectedCount.trim() === "" ? void 0 : Number(e.expectedCount), r = e.expectedTotal.trim() === "" ? void 0 : rr(e.expectedTotal);
	if (n === void 0 && r === void 0) return T;
	if (n !== void 0 && !Number.isInteger(n) || r !== void 0 && !Number.isFinite(r)) return C`<p class="Important">Enter the expected count as a whole number and the total as an amount.</p>`;
	let i = Qn(t, n, r);
	if ((i.count ?? 0) === 0 && (i.total ?? 0) === 0) return C`<p class="AsiSuccess batch-difference">Matches the stack in hand.</p>`;
	let a = [];
	return i.count && a.push(i.count > 0 ? `${cr(i.count)} still to enter` : `${cr(-i.count)} more than expected`), i.total && a.push(i.total > 0 ? `${Z(i.total)} still to enter` : `${Z(-i.total)} more than expected`), C`<p class="AsiWarning batch-difference">Difference: ${a.join(", ")}.</p>`;
}
function ur(e) {
	let t = Zn(e.entries), n = (t) => `${e.uid}-${t}`;
	return C`<section class="batch" aria-labelledby=${n("batch-title")}>
    <h2 id=${n("batch-title")}>This batch</h2>
    <p class="batch-totals">
      Entered: <strong>${cr(t.count)}</strong>, <strong>${Z(t.total)}</strong>${t.rejected ? C`, <span class="Important">${t.rejected} need${t.rejected === 1 ? "s" : ""} correcting</span>` : T}.
    </p>
    <div class="batch-expected">
      <div class="PanelField">
        <label for=${n("expected-count")}>Expected number of gifts</label>
        <div class="PanelFieldValue">
          <input id=${n("expected-count")} class="InputSmall" inputmode="numeric" autocomplete="off" .value=${e.expectedCount}
            @input=${(t) => e.onExpected("count", t.target.value)} />
        </div>
      </div>
      <div class="PanelField">
        <label for=${n("expected-total")}>Expected total ($)</label>
        <div class="PanelFieldValue">
          <input id=${n("expected-total")} class="InputSmall" inputmode="decimal" autocomplete="off" .value=${e.expectedTotal}
            @input=${(t) => e.onExpected("total", t.target.value)} />
        </div>
      </div>
    </div>
    ${lr(e)}
    ${e.entries.length === 0 ? C`<p class="batch-empty">No gifts entered yet.</p>` : C`<table class="batch-table">
          <caption class="visually-hidden">Gifts entered since this page opened, newest first</caption>
          <thead><tr><th scope="col">Time</th><th scope="col">Donor</th><th scope="col">Amount</th><th scope="col">Fund</th><th scope="col">Status</th><th scope="col">Transaction ID</th></tr></thead>
          <tbody>
            ${e.entries.map((t) => C`<tr class="status-${t.status}">
                <td>${new Date(t.at).toLocaleTimeString([], {
		hour: "2-digit",
		minute: "2-digit"
	})}</td>
                <td>${t.donor}</td>
                <td class="amount">${Z(t.amount)}</td>
                <td>${t.fund}</td>
                <td>
                  <span class="status">${sr[t.status]}</span>
                  ${t.message && t.status !== "accepted" ? C`<div class="status-message">${t.message}</div>` : T}
                  ${t.status === "rejected" ? C`<button type="button" class="TextButton" @click=${() => e.onReopen(t)}
                        aria-label="Correct and resend the gift from ${t.donor}">Correct and resend</button>` : T}
                </td>
                <td><code>${t.transactionId}</code></td>
              </tr>`)}
          </tbody>
        </table>`}
  </section>`;
}
// src/widget/field-markup.ts
function dr(e) {
	let t = [e.hint ? `${e.id}-hint` : "", e.error ? `${e.id}-error` : ""].filter(Boolean);
	return t.length ? t.join(" ") : T;
}
function $(e, t) {
	return C`<div class="PanelField ${e.error ? "has-error" : ""} ${e.wide ? "wide" : ""}">
    <label for=${e.id} class=${e.required ? "Required" : T}
      >${e.label}${e.carried ? C` <span class="carried-over">(carried over)</span>` : T}</label
    >
    <div class="PanelFieldValue">
      ${e.hint ? C`<div id="${e.id}-hint" class="hint">${e.hint}</div>` : T}
      ${e.error ? C`<div id="${e.id}-error" class="Important field-error"><span class="visually-hidden">Error: </span>${e.error}</div>` : T}
      ${t}
    </div>
  </div>`;
}
function fr(e, t, n) {
	return C`<div class="AsiValidationSummary AsiError error-summary" id=${e} tabindex="-1" aria-labelledby="${e}-title">
    <h2 id="${e}-title" class="error-summary-title">There is a problem</h2>
    <ul>
      ${t.map((e) => C`<li>
            <a
              href="#${e.target}"
              @click=${(t) => {
		t.preventDefault(), n(e.target);
	}}
              >${e.message}</a
            >
          </li>`)}
    </ul>
  </div>`;
}
// src/contract/proxy-routes.ts
var pr = {
	lookups: "/api/lookups",
	gifts: "/api/gifts",
	gift: (e) => `/api/gifts/${encodeURIComponent(e)}`,
	health: "/healthz",
	widget: "/gift-entry.js"
}, mr = "X-Gift-Entry-Key", hr = "Could not reach the gift service. Check your connection and try again; nothing you typed is lost.", gr = class {
	constructor(e, t) {
		this.endpoint = e, this.key = t;
	}
	async call(e, t = {}) {
		let n = { Accept: "application/json" };
		this.key && (n[mr] = this.key), t.body && (n["Content-Type"] = "application/json");
		let r;
		try {
			r = await fetch(`${this.endpoint}${e}`, {
				...t,
				headers: n,
				credentials: "omit"
			});
		} catch {
			return {
				ok: !1,
				error: { message: hr },
				network: !0
			};
		}
		let i;
		try {
			i = await r.json();
		} catch {
			i = void 0;
		}
		return r.ok && i !== void 0 ? {
			ok: !0,
			value: i
		} : {
			ok: !1,
			error: i?.message ? i : { message: `The gift service answered ${r.status}. Try again in a moment; nothing you typed is lost.` },
			network: r.status >= 500
		};
	}
	lookups() {
		return this.call(pr.lookups);
	}
	submit(e) {
		return this.call(pr.gifts, {
			method: "POST",
			body: JSON.stringify(e)
		});
	}
	status(e) {
		return this.call(pr.gift(e));
	}
};
// src/widget/saved-state.ts
function _r(e) {
	try {
		let t = sessionStorage.getItem(e);
		return t ? JSON.parse(t) : void 0;
	} catch {
		return;
	}
}
function vr(e, t) {
	try {
		sessionStorage.setItem(e, JSON.stringify(t));
	} catch {}
}
function yr(e) {
	try {
		sessionStorage.removeItem(e);
	} catch {}
}
// src/widget/gift-entry.ts
var br = new URL(import.meta.url).origin, xr = [
	1e3,
	2e3,
	3e3,
	5e3
], Sr = 0, Cr = [
	[
		"nameTitle",
		"InputSmall",
		"honorific-prefix"
	],
	[
		"middleName",
		"InputMedium",
		"additional-name"
	],
	[
		"maidenName",
		"InputMedium",
		"off"
	],
	[
		"nameSuffix",
		"InputSmall",
		"honorific-suffix"
	],
	[
		"emailAddress",
		"InputLarge",
		"email",
		"email"
	],
	[
		"phone",
		"InputMedium",
		"tel",
		"tel"
	],
	[
		"address",
		"InputLarge",
		"street-address"
	],
	[
		"city",
		"InputMedium",
		"address-level2"
	],
	[
		"state",
		"InputSmall",
		"address-level1"
	],
	[
		"zipCode",
		"InputSmall",
		"postal-code"
	],
	[
		"softCreditId",
		"InputSmall",
		"off"
	]
], wr = class extends O {
	static {
		this.properties = {
			endpoint: { type: String },
			key: { type: String },
			fund: { type: String },
			appeal: { type: String },
			campaign: { type: String },
			transactionPrefix: {
				type: String,
				attribute: "prefix"
			},
			draft: { state: !0 },
			errors: { state: !0 },
			phase: { state: !0 },
			notice: { state: !0 },
			lookups: { state: !0 },
			lookupsError: { state: !0 },
			batch: { state: !0 },
			expectedCount: { state: !0 },
			expectedTotal: { state: !0 },
			announcement: { state: !0 },
			showSummary: { state: !0 }
		};
	}
	constructor() {
		super(), this.uid = `gift-entry-${++Sr}`, this.transactionId = "", this.carried = /* @__PURE__ */ new Set(), this.touched = /* @__PURE__ */ new Set(), this.polls = /* @__PURE__ */ new Map(), this.endpoint = "", this.key = "", this.fund = "", this.appeal = "", this.campaign = "", this.transactionPrefix = void 0, this.draft = nr(), this.errors = {}, this.phase = "idle", this.notice = void 0, this.lookups = void 0, this.lookupsError = void 0, this.batch = [], this.expectedCount = "", this.expectedTotal = "", this.announcement = "", this.showSummary = !1;
	}
	createRenderRoot() {
		return Xn(), this;
	}
	get client() {
		return new gr((this.endpoint || br).replace(/\/+$/, ""), this.key);
	}
	storageKey(e) {
		return `gift-entry:${e}:${this.endpoint || br}`;
	}
	connectedCallback() {
		super.connectedCallback(), this.batch = _r(this.storageKey("batch")) ?? [];
		for (let e of this.batch) e.status !== "accepted" && e.status !== "rejected" && this.poll(e.transactionId, 0);
		let e = _r(this.storageKey("draft"));
		e && Q.some((t) => !er.includes(t) && e.draft[t]?.trim()) ? (this.draft = {
			...nr(),
			...e.draft
		}, this.transactionId = e.transactionId, this.carried = new Set(e.carried), this.notice = {
			kind: "AsiWarning",
			text: "We restored the gift you were typing before the page was reloaded. Check it, then record it."
		}) : this.startGift(!1), this.loadLookups();
	}
	disconnectedCallback() {
		super.disconnectedCallback();
		for (let e of this.polls.values()) clearTimeout(e);
		this.polls.clear();
	}
	willUpdate(e) {
		(e.has("fund") || e.has("appeal") || e.has("campaign")) && !this.dirty() && (this.draft = {
			...this.draft,
			distribution: this.draft.distribution || this.fund,
			appealCode: this.draft.appealCode || this.appeal,
			campaignCode: this.draft.campaignCode || this.campaign
		});
	}
	dirty() {
		return Q.some((e) => !er.includes(e) && this.draft[e].trim() !== "");
	}
	startGift(e) {
		let t = this.draft, n = nr();
		if (this.carried = /* @__PURE__ */ new Set(), e) for (let e of er) n[e] = t[e], t[e] && this.carried.add(e);
		else n.distribution = this.fund, n.appealCode = this.appeal, n.campaignCode = this.campaign;
		this.draft = n, this.transactionId = Pn(this.transactionPrefix ?? this.lookups?.transactionIdPrefix ?? ""), this.touched = /* @__PURE__ */ new Set(), this.errors = {}, this.showSummary = !1, yr(this.storageKey("draft"));
	}
	async loadLookups() {
		this.lookupsError = void 0;
		let e = await this.client.lookups();
		e.ok ? (this.lookups = e.value, this.transactionPrefix === void 0 && !this.dirty() && e.value.transactionIdPrefix && !this.transactionId.startsWith(e.value.transactionIdPrefix) && (this.transactionId = Pn(e.value.transactionIdPrefix))) : this.lookupsError = e.error.message;
	}
	persistDraft() {
		vr(this.storageKey("draft"), {
			draft: this.draft,
			transactionId: this.transactionId,
			carried: [...this.carried]
		});
	}
	setField(e, t) {
		let n = {
			...this.draft,
			[e]: t
		};
		if (e === "distribution") {
			let e = this.lookups?.distributions.find((e) => e.Code === t);
			e?.AppealCode && (n.appealCode = e.AppealCode), e?.CampaignCode && (n.campaignCode = e.CampaignCode);
		}
		this.carried.delete(e), this.draft = n, (this.touched.has(e) || this.showSummary) && this.recheck(), this.persistDraft();
	}
	recheck() {
		let { errors: e } = or(this.draft, this.transactionId), t = {};
		for (let [n, r] of Object.entries(e)) (this.showSummary || this.touched.has(n)) && (t[n] = r);
		this.errors = t;
	}
	leave(e) {
		this.touched.add(e), e === "amount" && (this.draft = {
			...this.draft,
			amount: ir(this.draft.amount)
		}), this.recheck();
	}
	focusField(e) {
		let t = this.querySelector(`#${CSS.escape(e)}`);
		t?.focus(), t?.scrollIntoView?.({ block: "center" });
	}
	announce(e) {
		this.announcement = "", requestAnimationFrame(() => this.announcement = e);
	}
	emit(e, t) {
		let n = {
			transactionId: t.transactionId,
			amount: t.amount,
			donor: t.donor
		};
		this.dispatchEvent(new CustomEvent(e, {
			detail: n,
			bubbles: !0,
			composed: !0
		}));
	}
	async submit(e) {
		if (e?.preventDefault(), this.phase === "sending") return;
		this.showSummary = !0;
		let { submission: t, errors: n } = or(this.draft, this.transactionId);
		this.errors = n, t ? await this.send(t) : (this.notice = void 0, await this.updateComplete, this.querySelector(".error-summary")?.focus());
	}
	async send(e) {
		let t = Kn(e);
		this.phase = "sending", this.notice = void 0, this.announce(`Sending ${Z(e.amount)} from ${t}…`);
		let n = this.draft, r = await this.client.submit(e);
		if (this.phase = "idle", !r.ok) {
			let e = r.error.problems ?? (r.error.field ? [{
				field: r.error.field,
				message: r.error.message
			}] : []);
			if (!r.network && e.some((e) => e.field && Q.includes(e.field))) {
				this.errors = Object.fromEntries(e.filter((e) => e.field).map((e) => [e.field, e.message])), await this.updateComplete, this.querySelector(".error-summary")?.focus();
				return;
			}
			this.notice = {
				kind: "AsiError",
				text: r.error.message,
				retry: !0
			}, this.announce(r.error.message);
		} else this.record(r.value, e, n);
	}
	record(e, t, n) {
		let r = this.lookups?.distributions.find((e) => e.Code === t.distribution)?.Title ?? t.distribution ?? t.campaignCode ?? "", i = {
			transactionId: e.transactionId,
			amount: e.amount,
			donor: e.donor,
			fund: r,
			status: e.status,
			message: e.message,
			field: e.field,
			at: e.createdAt,
			draft: n
		};
		this.upsert(i);
		let a = `${Z(i.amount)} from ${i.donor} to ${r}`;
		if (e.status === "rejected") {
			let t = e.field && Q.includes(e.field) ? e.field : void 0;
			this.errors = t ? { [t]: e.message ?? "" } : {}, this.notice = t ? void 0 : {
				kind: "AsiError",
				text: e.message ?? "The gift service rejected this gift."
			}, this.emit("gift-rejected", i), this.announce(`Not recorded: ${e.message ?? ""}`), this.updateComplete.then(() => this.querySelector(".error-summary, .AsiError")?.focus());
			return;
		}
		let o = e.status === "accepted";
		this.notice = o ? {
			kind: "AsiSuccess",
			text: `Recorded ${a}. Transaction ID ${e.transactionId}.`
		} : {
			kind: "AsiWarning",
			text: `Queued ${a} (transaction ID ${e.transactionId}). ${e.status === "held" ? e.message ?? "" : "It will be recorded shortly; its status shows in the batch below."}`
		}, this.emit(o ? "gift-accepted" : "gift-queued", i), this.announce(this.notice.text), o || this.poll(e.transactionId, 0), this.startGift(!0), this.updateComplete.then(() => this.focusField(`${this.uid}-amount`));
	}
	upsert(e) {
		let t = this.batch.filter((t) => t.transactionId !== e.transactionId);
		this.batch = [e, ...t], vr(this.storageKey("batch"), this.batch);
	}
	poll(e, t) {
		clearTimeout(this.polls.get(e));
		let n = xr[Math.min(t, xr.length - 1)];
		this.polls.set(e, setTimeout(async () => {
			let n = await this.client.status(e), r = this.batch.find((t) => t.transactionId === e);
			if (r && this.isConnected) {
				if (n.ok && n.value.status !== r.status) {
					let e = {
						...r,
						status: n.value.status,
						message: n.value.message,
						field: n.value.field
					};
					this.upsert(e), (e.status === "accepted" || e.status === "rejected") && (this.emit(e.status === "accepted" ? "gift-accepted" : "gift-rejected", e), this.announce(`${e.status === "accepted" ? "Recorded" : "Needs correcting"}: ${Z(e.amount)} from ${e.donor}.`));
				}
				n.ok && (n.value.status === "accepted" || n.value.status === "rejected") ? this.polls.delete(e) : this.poll(e, t + 1);
			}
		}, n));
	}
	reopen(e) {
		if (this.dirty()) {
			this.notice = {
				kind: "AsiWarning",
				text: "Record or clear the gift you are typing before correcting another one."
			};
			return;
		}
		this.draft = { ...e.draft }, this.transactionId = e.transactionId, this.carried = /* @__PURE__ */ new Set(), this.showSummary = !0;
		let t = e.field && Q.includes(e.field) ? e.field : void 0;
		this.errors = t ? { [t]: e.message ?? "" } : {}, this.notice = t ? void 0 : {
			kind: "AsiError",
			text: e.message ?? "The gift service rejected this gift."
		}, this.persistDraft(), this.updateComplete.then(() => this.querySelector(".error-summary, .AsiError")?.focus());
	}
	clear() {
		this.startGift(!1), this.notice = void 0, this.updateComplete.then(() => this.focusField(`${this.uid}-amount`));
	}
	view(e, t = {}) {
		return {
			id: `${this.uid}-${e}`,
			label: A[e],
			error: this.errors[e],
			carried: this.carried.has(e),
			...t
		};
	}
	input(e, t, n, r = "text", i = {}) {
		let a = this.view(e, i), o = e in k ? k[e] : void 0;
		return $(a, C`<input id=${a.id} name=${e} type=${r} class="${t} ${a.carried ? "carried" : ""}" .value=${this.draft[e]}
        maxlength=${o ?? T} autocomplete=${n} aria-required=${a.required ? "true" : T}
        aria-invalid=${a.error ? "true" : "false"} aria-describedby=${dr(a)}
        @input=${(t) => this.setField(e, t.target.value)} @blur=${() => this.leave(e)} />`);
	}
	select(e, t, n = {}) {
		let r = this.view(e, n), i = this.draft[e], a = t.some(([e]) => e === i);
		return $(r, C`<select id=${r.id} name=${e} class="InputLarge ${r.carried ? "carried" : ""}" ?disabled=${!this.lookups}
        aria-invalid=${r.error ? "true" : "false"} aria-describedby=${dr(r)}
        @change=${(t) => this.setField(e, t.target.value)} @blur=${() => this.leave(e)}>
        <option value="" ?selected=${i === ""}>${this.lookups ? "(none)" : "Loading…"}</option>
        ${!a && i ? C`<option value=${i} selected>${i}</option>` : T}
        ${t.map(([e, t]) => C`<option value=${e} ?selected=${e === i}>${t}</option>`)}
      </select>`);
	}
	problems() {
		return [
			...Q,
			"transactionId",
			"financialAccountId"
		].filter((e) => this.errors[e]).map((e) => ({
			target: Q.includes(e) ? `${this.uid}-${e}` : `${this.uid}-submit`,
			message: this.errors[e]
		}));
	}
	render() {
		let e = this.lookups, t = this.problems(), n = this.phase === "sending";
		return C`
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.showSummary && t.length ? fr(`${this.uid}-summary`, t, (e) => this.focusField(e)) : T}
      ${this.notice ? C`<div class="${this.notice.kind} notice" tabindex="-1">
            <p>${this.notice.text}</p>
            ${this.notice.retry ? C`<button type="button" class="TextButton PrimaryButton" @click=${() => this.submit()}>Try again</button>` : T}
          </div>` : T}
      ${this.lookupsError ? C`<div class="AsiError lookups-error"><p>${this.lookupsError}</p>
            <button type="button" class="TextButton" @click=${() => this.loadLookups()}>Retry loading funds</button></div>` : e ? T : C`<p class="lookups-loading">Loading funds, appeals and campaigns…</p>`}
      <form novalidate @submit=${(e) => this.submit(e)} aria-busy=${n ? "true" : "false"}>
        <fieldset>
          <legend>Gift</legend>
          <div class="fields">
            ${$(this.view("amount", {
			required: !0,
			hint: "In US dollars, e.g. 1,234.50"
		}), C`<div class="amount-wrap"><span aria-hidden="true">$</span>${this.amountInput()}</div>`)}
            ${this.input("receivedDate", "InputMedium", "off", "date")}
            ${this.select("distribution", (e?.distributions ?? []).map((e) => [e.Code, `${e.Title} (${e.Code})`]), {
			required: !0,
			hint: "Or choose a campaign that is mapped to a fund"
		})}
            ${this.select("campaignCode", (e?.campaigns ?? []).map((e) => [e.Code, e.Description]))}
            ${this.select("appealCode", (e?.appeals ?? []).map((e) => [e.Code, e.Description]))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Donor</legend>
          <p class="hint group-hint" id="${this.uid}-donor-hint">Enter the donor’s iMIS ID, <em>or</em> first and last name, <em>or</em> a company name.</p>
          <div class="fields">
            ${this.input("imisId", "InputSmall", "off", "text", { hint: "One of iMIS ID, first and last name, or company is needed" })}
            ${this.input("firstName", "InputMedium", "given-name")}
            ${this.input("lastName", "InputMedium", "family-name")}
            ${this.input("company", "InputLarge", "organization")}
            ${Cr.map(([e, t, n, r]) => this.input(e, t, n, r, e === "emailAddress" ? { required: !0 } : e === "softCreditId" ? { hint: "iMIS ID of a contact to soft-credit 100%" } : {}))}
            ${$(this.view("notes", { wide: !0 }), C`<textarea id="${this.uid}-notes" name="notes" maxlength=${k.notes} .value=${this.draft.notes}
                aria-invalid=${this.errors.notes ? "true" : "false"} aria-describedby=${dr(this.view("notes"))}
                @input=${(e) => this.setField("notes", e.target.value)} @blur=${() => this.leave("notes")}></textarea>`)}
          </div>
        </fieldset>
        <div class="CommandBar">
          <button id="${this.uid}-submit" type="submit" class="TextButton PrimaryButton" ?disabled=${n}>
            ${n ? "Recording…" : "Record gift"}
          </button>
          <button type="button" class="TextButton" ?disabled=${n} @click=${() => this.clear()}>Clear form</button>
          ${n ? C`<progress aria-label="Recording the gift"></progress><span>Recording the gift; the gift service usually takes 2–5 seconds.</span>` : T}
        </div>
      </form>
      ${ur({
			uid: this.uid,
			entries: this.batch,
			expectedCount: this.expectedCount,
			expectedTotal: this.expectedTotal,
			onExpected: (e, t) => e === "count" ? this.expectedCount = t : this.expectedTotal = t,
			onReopen: (e) => this.reopen(e)
		})}
    `;
	}
	amountInput() {
		let e = this.view("amount", {
			required: !0,
			hint: "In US dollars, e.g. 1,234.50"
		});
		return C`<input id=${e.id} name="amount" type="text" inputmode="decimal" class="InputSmall" autocomplete="off" .value=${this.draft.amount}
      aria-required="true" aria-invalid=${e.error ? "true" : "false"} aria-describedby=${dr(e)}
      @input=${(e) => this.setField("amount", e.target.value)} @blur=${() => this.leave("amount")} />`;
	}
};
customElements.get("gift-entry") || customElements.define("gift-entry", wr);
export { wr as GiftEntry };
