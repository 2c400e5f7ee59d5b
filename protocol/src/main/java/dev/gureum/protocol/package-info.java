/** AWS wire formats over the SDK model classes; knows no resource. */
package dev.gureum.protocol;
