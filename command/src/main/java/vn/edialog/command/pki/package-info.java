/**
 * A generated demo PKI (root, public CA, official-duty CA, valid leaves, CRLs) with PEM and PKCS#12 export. The tests'
 * PKI with expired, revoked and weak certificates ({@code TestPki}) extends it in command's test-jar.
 */
package vn.edialog.command.pki;
