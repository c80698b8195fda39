package org.concord.localstack; public class LocalStack { public static void main(String[] a){} }
