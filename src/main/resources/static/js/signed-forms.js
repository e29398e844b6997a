// Forms that askers sign in the browser: sign-in, ask, clarify, rate, reopen.
//
// A form marked data-signed-form="<payload type>" names where to send (data-endpoint), the tenant, the dialogue
// and, for sign-in, where to go after (data-success). Other forms show the signed receipt in the element named by
// data-receipt (default id "receipt"). Its inputs say where their values go in the signed payload:
//   data-payload="name"        text field of the payload
//   data-payload-int="name"    integer field (the checked radio or the input's value)
//   data-payload-flag="name"   boolean, present only when checked
//   data-payload-choice="name" boolean, always present: true when checked, false when not
//   data-form-field="name"     a field of the topic form (payload.form[name]); data-label is its label
//   data-contact="email"       contact e-mail, sent beside the envelope, never signed
// A form with data-encrypt-to (the URL of the People's Committee's encryption certificate) sends its signed payload
// encrypted to it (encryptedPayload): always for a confidential dialogue's follow-ups, for an ask when it is confidential.
// The PKCS#12 file and password (data-pkcs12, data-pkcs12-password) are read here and nowhere else: the key is
// imported non-extractable into WebCrypto for this one signature, then dropped with the page.
import { encryptEnvelope, loadPkcs12, signEnvelope } from "./edialog-sign.js";

const texts = document.getElementById("signing-messages")?.dataset ?? {};

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
}

function show(form, selector, text) {
  const element = form.querySelector(selector);
  if (!element) return;
  element.textContent = text ?? "";
  element.hidden = !text;
}

function signingMessage(error) {
  switch (error?.code) {
    case "wrong-password": return texts.wrongPassword;
    case "no-private-key":
    case "no-certificate": return texts.noKey;
    case "unsupported-algorithm": return texts.unsupported;
    case "not-pkcs12": return texts.notPkcs12;
    case "webcrypto-unavailable": return texts.noWebcrypto;
    default: return `${texts.generic} ${error?.message ?? error}`;
  }
}

function nowSeconds() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The payload fields the form's inputs carry, beside the common ones. */
function fieldsOf(form) {
  const fields = {};
  form.querySelectorAll("[data-payload]").forEach((input) => {
    const value = input.value.trim();
    if (value !== "") fields[input.dataset.payload] = value;
  });
  form.querySelectorAll("[data-payload-int]").forEach((input) => {
    if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
    if (input.value !== "") fields[input.dataset.payloadInt] = Number.parseInt(input.value, 10);
  });
  form.querySelectorAll("[data-payload-flag]").forEach((input) => {
    if (input.checked) fields[input.dataset.payloadFlag] = true;
  });
  form.querySelectorAll("[data-payload-choice]").forEach((input) => {
    fields[input.dataset.payloadChoice] = input.checked;
  });
  const formFields = {};
  const lines = [];
  form.querySelectorAll("[data-form-field]").forEach((input) => {
    const value = input.value.trim();
    if (value !== "") {
      formFields[input.dataset.formField] = value;
      lines.push(`${input.dataset.label}: ${value}`);
    }
  });
  if (form.querySelector("[data-form-field]")) {
    fields.form = formFields;
    // The topic form's answers head the body too, so that every reader of the question sees them.
    if (lines.length > 0 && fields.body) fields.body = `${lines.join("\n")}\n\n${fields.body}`;
  }
  return fields;
}

async function credentialOf(form) {
  const file = form.querySelector("[data-pkcs12]")?.files?.[0];
  if (!file) {
    const error = new Error(texts.noFile);
    error.code = "no-file";
    throw error;
  }
  const password = form.querySelector("[data-pkcs12-password]").value;
  return loadPkcs12(await file.arrayBuffer(), password);
}

async function postJson(url, body) {
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...csrfHeaders() },
      body: JSON.stringify(body),
    });
  } catch (networkError) {
    const error = new Error(texts.network);
    error.code = "network";
    throw error;
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (ignored) { /* not JSON */ }
  if (!response.ok) {
    const error = new Error(`${texts.refused} ${json?.detail ?? json?.title ?? response.status}`);
    error.code = "refused";
    error.problem = json;
    throw error;
  }
  return json;
}

/** The People's Committee's encryption certificate (PEM) the server publishes. */
async function certificateAt(url) {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/pem-certificate-chain" } });
  if (!response.ok) {
    const error = new Error(`${texts.refused} ${response.status}`);
    error.code = "refused";
    throw error;
  }
  return response.text();
}

/** The payload a sign-in signs: the challenge the server issued to this session, and the signing time. */
async function signInPayload(form) {
  const tenant = form.querySelector("[name=tenant]")?.value ?? form.dataset.tenant;
  const challenge = await postJson(`${form.dataset.challenge}?tenant=${encodeURIComponent(tenant)}`, {});
  return {
    type: challenge.type,
    tenant: challenge.tenant,
    dialogueId: challenge.dialogueId,
    nonce: challenge.nonce,
    signedAt: nowSeconds(),
  };
}

async function submit(form) {
  const type = form.dataset.signedForm;
  show(form, "[data-signing-error]", "");
  show(form, "[data-signing-status]", texts.signing);
  const credential = await credentialOf(form);
  const payload = type === "sign-in"
    ? await signInPayload(form)
    : {
        type,
        tenant: form.dataset.tenant,
        dialogueId: form.dataset.dialogueId,
        nonce: crypto.randomUUID(),
        signedAt: nowSeconds(),
        ...(form.dataset.topic ? { topic: form.dataset.topic } : {}),
        ...fieldsOf(form),
      };
  let envelope = await signEnvelope(credential, payload);
  // A confidential dialogue's message travels encrypted to the People's Committee (ask: when the asker chose so).
  const encryptTo = form.dataset.encryptTo;
  if (encryptTo && (type !== "ask" || payload.confidential === true)) {
    show(form, "[data-signing-status]", texts.encrypting ?? texts.sending);
    envelope = await encryptEnvelope(envelope, await certificateAt(encryptTo));
  }
  const email = form.querySelector("[data-contact=email]")?.value.trim();
  show(form, "[data-signing-status]", texts.sending);
  const accepted = await postJson(form.dataset.endpoint, email ? { ...envelope, contact: { email } } : envelope);
  if (type === "sign-in") {
    window.location.assign(form.dataset.success ?? "/");
  } else {
    showReceipt(form, accepted);
  }
}

/** Replaces the form by the signed receipt the server returned: tracking code, time, event, and a download. */
function showReceipt(form, accepted) {
  const panel = document.getElementById(form.dataset.receipt ?? "receipt");
  if (!panel) {
    window.location.reload();
    return;
  }
  const slot = (name, value) => panel.querySelectorAll(`[data-slot=${name}]`).forEach((e) => { e.textContent = value; });
  slot("trackingCode", accepted.trackingCode);
  slot("receivedAt", new Date(accepted.receivedAt).toLocaleString(document.documentElement.lang || "vi",
    { timeZone: "Asia/Ho_Chi_Minh" }));
  slot("sequence", String(accepted.sequence));
  slot("eventHash", accepted.eventHash);
  const download = panel.querySelector("[data-slot=download]");
  if (download) {
    const blob = new Blob([JSON.stringify(accepted.receipt, null, 2)], { type: "application/json" });
    download.href = URL.createObjectURL(blob);
    download.download = `receipt-${accepted.dialogueId}-${accepted.sequence}.json`;
  }
  const open = panel.querySelector("[data-slot=open]");
  if (open) open.href = open.dataset.href.replace("{id}", accepted.dialogueId);
  form.hidden = true;
  panel.hidden = false;
  panel.focus();
}

document.querySelectorAll("form[data-signed-form]").forEach((form) => {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await submit(form);
    } catch (error) {
      show(form, "[data-signing-status]", "");
      show(form, "[data-signing-error]", error.code === "refused" || error.code === "network" || error.code === "no-file"
        ? error.message : signingMessage(error));
      button.disabled = false;
    }
  });
});
