/** A generated demo and test PKI (root, public CA, official-duty CA, leaves, CRLs) with PEM and PKCS#12 export. */
package vn.edialog.command.pki;
