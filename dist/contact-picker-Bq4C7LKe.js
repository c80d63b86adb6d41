import{E as e,T as t,w as n}from"./gift-entry.js";import{searchContacts as r}from"./imis-search-bIcM0Ki8.js";var i=0,a=e=>e.Name?.trim()||`(no name)`,o=(e,t)=>`${e}: ${[a(t),t.CityName,`iMIS ID ${t.Id}`].filter(Boolean).join(`, `)}`,s=class extends CustomEvent{constructor(e,t){super(`contact-chosen`,{detail:e,bubbles:!0}),this.announcement=t}},c=class extends n{static{this.properties={label:{type:String},token:{type:String},error:{type:String},chosenLabel:{type:String,attribute:`chosen-label`},query:{state:!0},results:{state:!0},active:{state:!0},message:{state:!0}}}constructor(){super(),this.inputId=`gift-contact-`+ ++i,this.enterPending=!1,this.label=`Find in iMIS`,this.token=``,this.error=``,this.chosenLabel=`Contact chosen`,this.query=``,this.results=void 0,this.active=-1,this.message=``}focus(){this.querySelector(`input`)?.focus()}reset(){clearTimeout(this.timer),this.inFlight?.abort(),this.inFlight=void 0,this.nextOffset=void 0,this.enterPending=!1,this.query=``,this.results=void 0,this.active=-1,this.message=``}type(e){this.query=e,this.enterPending=!1,clearTimeout(this.timer),this.inFlight?.abort(),this.results=void 0,e.trim().length<2?this.message=``:this.timer=setTimeout(()=>{this.search(0)},250)}async search(e){clearTimeout(this.timer),this.inFlight?.abort();let t=this.inFlight=new AbortController;this.message=`Searching iMIS…`;try{let n=await r(this.query,e,this.token,t.signal);if(t.signal.aborted)return;if(this.inFlight=void 0,n.kind!==`found`)return this.results=void 0,this.enterPending=!1,void(this.message=n.kind===`expired`?`Your iMIS login has expired. Sign in to iMIS again (in another tab, so nothing here is lost), then search again.`:`iMIS did not answer the search. Try again, or type the donor’s details below.`);let i=new Set(e===0?[]:(this.results??[]).map(e=>e.Id));this.results=[...e===0?[]:this.results??[],...n.contacts.filter(e=>!i.has(e.Id))],this.nextOffset=n.nextOffset;let a=this.results.length;if(this.active=a===0?-1:Math.min(e,a-1),this.enterPending&&a===1&&this.nextOffset===void 0)return this.choose(this.results[0]);this.enterPending=!1;let o=`${a}${this.nextOffset===void 0?``:`+`} contact${a===1?``:`s`} found`;this.message=a===0?`No contacts in iMIS match “${this.query.trim()}”.`:`${o}, ${e===0?`first`:`number ${Math.min(e,a-1)+1}`} highlighted; arrow keys to move, Enter to choose.`}catch{}}choose(e){this.results=void 0,this.query=``,this.active=-1,this.enterPending=!1,this.message=``,this.dispatchEvent(new s(e,o(this.chosenLabel,e)))}key(e){let t=this.results?.length??0,n=this.nextOffset!==void 0,r=t+ +!!n,i=t?{ArrowDown:(this.active+1)%r,ArrowUp:(this.active-1+r)%r,Home:0,End:t-1,PageUp:Math.max(this.active-10,0),PageDown:Math.min(this.active+10,r-1)}[e.key]:void 0;e.key===`PageDown`&&n&&this.active===r-1?(e.preventDefault(),this.search(this.nextOffset)):i===void 0?e.key===`Enter`?(e.preventDefault(),e.stopPropagation(),t&&this.active>=0?this.active<t?this.choose(this.results[this.active]):this.search(this.nextOffset):this.query.trim().length>=2&&!this.results&&(this.enterPending=!0,this.inFlight||this.search(0))):e.key===`Escape`&&this.results&&(e.preventDefault(),this.results=void 0,this.active=-1):(e.preventDefault(),this.active=i)}updated(e){e.has(`active`)&&this.active>=0&&document.getElementById(`${this.inputId}-option-${this.active}`)?.scrollIntoView({block:`nearest`})}render(){let n=this.inputId,r=!!this.results?.length,i=e=>`${n}-option-${e}`;return e`<div class="PanelField wide contact-picker ${this.error?`has-error`:``}">
<label for=${n} id="${n}-label">${this.label}</label>
<div class="PanelFieldValue">
<div id="${n}-hint" class="hint">Last name, first and last, organisation, email or iMIS ID; Enter picks the highlighted match</div>
${this.error?e`<div id="${n}-error" class="Important field-error"><span class="visually-hidden">Error: </span>${this.error}</div>`:t}
<input
id=${n}
class="InputLarge"
type="text"
autocomplete="off"
role="combobox"
aria-labelledby="${n}-label"
aria-autocomplete="list"
aria-invalid=${this.error?`true`:`false`}
aria-expanded=${r?`true`:`false`}
aria-controls="${n}-list"
aria-describedby="${n}-hint${this.error?` ${n}-error`:``}"
aria-activedescendant=${r&&this.active>=0?i(this.active):t}
.value=${this.query}
@input=${e=>this.type(e.target.value)}
@keydown=${e=>this.key(e)}
/>
<ul id="${n}-list" role="listbox" aria-label="Matching contacts" class="contact-list" ?hidden=${!r}>
${(r?this.results:[]).map((t,n)=>{return e`<li
id=${i(n)}
role="option"
aria-selected=${n===this.active?`true`:`false`}
@click=${()=>this.choose(t)}
><span class="contact-name">${a(t)}</span> — <span class="contact-details">${r=t,[r.CityName,r.Email,`iMIS ID ${r.Id}`].filter(Boolean).join(` · `)}</span></li>`;var r})}
${r&&this.nextOffset!==void 0?e`<li
id=${i(this.results.length)}
role="option"
aria-selected=${this.active===this.results.length?`true`:`false`}
@click=${()=>{this.search(this.nextOffset)}}
>
More results…
</li>`:t}
</ul>
<div role="status" class="hint">${this.message}</div>
</div>
</div>`}};customElements.get(`gift-contact-picker`)||customElements.define(`gift-contact-picker`,c);export{s as ContactChosenEvent,c as ContactPicker,o as announceChoice};